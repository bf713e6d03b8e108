using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>Builds plan actions with deterministic ids; the status gates later settle their status.</summary>
internal static class ActionFactory
{
    public static Candidate Create(
        string type,
        RemediationKey key,
        FailureGroup? group,
        string reason,
        string? undo,
        bool disruptive,
        ActionParameters? parameters = null,
        IReadOnlyList<string>? instanceIds = null,
        string? discriminator = null,
        string? nodegroup = null)
    {
        var targetNodegroup = nodegroup ?? (key.Nodegroup == RemediationKey.UnknownNodegroup ? null : key.Nodegroup);
        var ids = instanceIds ?? [];
        var id = ActionIds.For(type, key.Cluster, targetNodegroup, key.Cause, discriminator ?? string.Join(',', ids));
        var action = new PlanAction
        {
            Id = id,
            Type = type,
            Target = new ActionTarget { Cluster = key.Cluster, Nodegroup = targetNodegroup, InstanceIds = ids },
            Parameters = parameters ?? ActionParameters.None,
            Status = ActionStatuses.Planned,
            Reason = reason,
            Cause = key.Cause,
            FindingIds = group?.FindingIds ?? [],
            Disruptive = disruptive,
            Undo = undo,
        };
        return new Candidate(action, key) { Rolling = ActionKinds.Of(type).Rolling };
    }

    /// <summary>A visible "nothing to do, and why" entry.</summary>
    public static Candidate Nothing(RemediationKey key, FailureGroup group, string reason, string discriminator) =>
        Create(ActionTypes.None, key, group, reason, undo: null, disruptive: false, discriminator: discriminator)
            .Skip(discriminator);
}
