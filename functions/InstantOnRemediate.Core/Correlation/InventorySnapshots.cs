using System.Text.Json;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Reads saved inventory snapshots (one cluster object, or an array of them) and fills absent collections, which
/// source-generated deserialization leaves null on records with required members.
/// </summary>
public static class InventorySnapshots
{
    public static IReadOnlyList<ClusterInventory> Parse(string json, string origin = "inventory")
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var clusters = root.ValueKind switch
            {
                JsonValueKind.Array => root.Deserialize(CoreJsonContext.Default.ListClusterInventory) ?? [],
                JsonValueKind.Object => [root.Deserialize(CoreJsonContext.Default.ClusterInventory)!],
                _ => throw new CorrelationDataException($"{origin}: expected a cluster inventory object or an array of them"),
            };
            return [.. clusters.Select(c => Normalize(c, origin))];
        }
        catch (JsonException e)
        {
            throw new CorrelationDataException($"{origin}: not a valid inventory snapshot: {e.Message}", e);
        }
    }

    public static ClusterInventory Normalize(ClusterInventory inventory, string origin = "inventory")
    {
        if (string.IsNullOrWhiteSpace(inventory.Cluster))
        {
            throw new CorrelationDataException($"{origin}: a cluster inventory has no cluster name");
        }

        return inventory with { Nodegroups = [.. (inventory.Nodegroups ?? []).Select(Normalize)] };
    }

    public static NodegroupInventory Normalize(NodegroupInventory ng) => ng with
    {
        KernelSource = ng.KernelSource ?? KernelSources.Unknown,
        Confidence = ng.Confidence ?? Confidences.None,
        Missing = ng.Missing ?? [],
        Instances = ng.Instances ?? [],
        InstanceTypes = ng.InstanceTypes ?? [],
        Subnets = ng.Subnets ?? [],
        Labels = ng.Labels ?? new Dictionary<string, string>(),
        Taints = ng.Taints ?? [],
        AutoScalingGroups = ng.AutoScalingGroups ?? [],
    };
}
