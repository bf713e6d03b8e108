using System.Globalization;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>The sentences and target checks the definitions and their parameter records share.</summary>
internal static class ActionText
{
    public static string Where(ActionTarget target) => target.Nodegroup is null ? target.Cluster ?? "?" : $"{target.Cluster}/{target.Nodegroup}";

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cluster and node group of an EKS action, both valid, or the reason they are not.</summary>
    public static string? NodegroupTarget(ActionTarget target) =>
        !IdentifierRules.IsClusterName(target.Cluster) ? "target cluster is missing or not a valid EKS cluster name"
        : !IdentifierRules.IsNodegroupName(target.Nodegroup) ? "target node group is missing or not a valid node-group name"
        : null;

    /// <summary>Cluster of an action, valid, or the reason it is not.</summary>
    public static string? ClusterTarget(ActionTarget target) =>
        !IdentifierRules.IsClusterName(target.Cluster) ? "target cluster is missing or not a valid EKS cluster name" : null;
}
