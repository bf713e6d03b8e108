using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>The (cluster, node group, cause) keys an action answers: what its cooldown covers once it ran.</summary>
public static class PlanActionKeys
{
    public const string NodegroupsParameter = "nodegroups";

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

        return action.Parameters.TryGetValue(NodegroupsParameter, out var list)
            ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ng => new RemediationKey(action.Target.Cluster, ng, action.Cause))]
            : [];
    }
}
