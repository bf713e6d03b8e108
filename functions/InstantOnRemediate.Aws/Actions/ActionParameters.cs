using System.Globalization;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>Reads an action's parameters and target with the same grammar checks the planner applied.</summary>
internal static class ActionParameters
{
    public static string? Get(this PlanAction action, string name) => action.Parameters.GetValueOrDefault(name);

    public static IReadOnlyList<string> List(this PlanAction action, string name) =>
        action.Get(name) is { Length: > 0 } value ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    public static int? Int(this PlanAction action, string name) =>
        int.TryParse(action.Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Cluster and node group of an EKS action, both valid, or the reason they are not.</summary>
    public static string? CheckNodegroupTarget(PlanAction action) =>
        !IdentifierRules.IsClusterName(action.Target.Cluster) ? "target cluster is missing or not a valid EKS cluster name"
        : !IdentifierRules.IsNodegroupName(action.Target.Nodegroup) ? "target node group is missing or not a valid node-group name"
        : null;

    public static Dictionary<string, string> ParseLabels(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut > 0)
            {
                labels[pair[..cut]] = pair[(cut + 1)..];
            }
            else
            {
                labels[pair] = "\u0000"; // fails validation below
            }
        }

        return labels;
    }
}
