using System.Text.Json;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Reads saved inventory snapshots (one cluster object, or an array of them). Absent collections already read as
/// empty (the contract records keep their defaults); this adds the checks JSON alone cannot express.
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
            return [.. clusters.Select(c => Validate(c, origin))];
        }
        catch (JsonException e)
        {
            throw new CorrelationDataException($"{origin}: not a valid inventory snapshot: {e.Message}", e);
        }
    }

    /// <summary>Rejects null entries and clusters without a name, with a message naming <paramref name="origin"/>.</summary>
    public static ClusterInventory Validate(ClusterInventory? inventory, string origin = "inventory")
    {
        if (inventory is null || string.IsNullOrWhiteSpace(inventory.Cluster))
        {
            throw new CorrelationDataException($"{origin}: a cluster inventory has no cluster name");
        }

        if (inventory.Nodegroups.Any(ng => ng is null))
        {
            throw new CorrelationDataException($"{origin}: cluster '{inventory.Cluster}' has a null node group");
        }

        return inventory;
    }
}
