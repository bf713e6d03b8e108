using System.Globalization;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>Reading an action's validated parameters for the sentences definitions write.</summary>
internal static class ActionText
{
    public static string Param(this PlanAction action, string name) => action.Parameters.TryGetValue(name, out var v) ? v : "?";

    public static string Where(PlanAction action) => action.Target.Nodegroup is null ? action.Target.Cluster ?? "?" : $"{action.Target.Cluster}/{action.Target.Nodegroup}";

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cluster and node group of an EKS action, both valid, or the reason they are not.</summary>
    public static string? NodegroupTarget(PlanAction action) =>
        !IdentifierRules.IsClusterName(action.Target.Cluster) ? "target cluster is missing or not a valid EKS cluster name"
        : !IdentifierRules.IsNodegroupName(action.Target.Nodegroup) ? "target node group is missing or not a valid node-group name"
        : null;
}
