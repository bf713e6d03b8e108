using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>The (cluster, node group, cause) keys an action answers: what its cooldown covers once it ran.</summary>
public static class PlanActionKeys
{
    public static IReadOnlyList<RemediationKey> KeysOf(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Target.Cluster is null || action.Cause is null)
        {
            return [];
        }

        if (action.Target.Nodegroup is not null)
        {
            return [new RemediationKey(action.Target.Cluster, action.Target.Nodegroup, action.Cause)];
        }

        return action.Parameters is NotifyParameters notify
            ? [.. notify.Nodegroups.Select(ng => new RemediationKey(action.Target.Cluster, ng, action.Cause))]
            : [];
    }
}
