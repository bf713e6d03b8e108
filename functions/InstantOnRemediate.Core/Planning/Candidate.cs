using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>An action on its way through the gates, with what the blast-radius caps need to know about it.</summary>
internal sealed record Candidate(PlanAction Action, RemediationKey Key)
{
    /// <summary>Changes a node group (label, taint, rollout, SSM fix): counts against the share cap and the storm brake.</summary>
    public bool TouchesNodegroup { get; init; }

    /// <summary>Replaces or adds nodes (version update, new node group, automation): one per cluster at a time.</summary>
    public bool Rolling { get; init; }

    public bool IsOpen => Action.Status is not ActionStatuses.Skipped;

    public Candidate Skip(string reason) => this with { Action = Action with { Status = ActionStatuses.Skipped, Reason = Action.Reason + " - skipped: " + reason } };
}
