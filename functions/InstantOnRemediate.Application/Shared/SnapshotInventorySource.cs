using System.Text.Json;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// Inventory from saved snapshots (`instanton-remediate inventory --json` output): one file, or a directory of
/// them. Read once, on first use.
/// </summary>
internal sealed class SnapshotInventorySource : IInventorySource
{
    private readonly Lazy<Dictionary<string, ClusterInventory>> snapshots;

    public SnapshotInventorySource(string path)
    {
        snapshots = new(() => Load(Files(path)));
    }

    public SnapshotInventorySource(Func<IEnumerable<(string Origin, byte[] Json)>> documents)
    {
        snapshots = new(() => Load(documents()));
    }

    public Task<ClusterInventory?> ForNodesAsync(string cluster, IReadOnlyCollection<string> nodes, CancellationToken cancellationToken) =>
        ForClusterAsync(cluster, cancellationToken);

    public Task<ClusterInventory?> ForClusterAsync(string cluster, CancellationToken cancellationToken) =>
        Task.FromResult(snapshots.Value.GetValueOrDefault(cluster));

    public IReadOnlyCollection<string> Clusters => snapshots.Value.Keys;

    private static IEnumerable<(string Origin, byte[] Json)> Files(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray() : [path];
        return files.Select(f => (f, File.ReadAllBytes(f)));
    }

    private static Dictionary<string, ClusterInventory> Load(IEnumerable<(string Origin, byte[] Json)> documents)
    {
        var result = new Dictionary<string, ClusterInventory>(StringComparer.Ordinal);
        foreach (var (origin, json) in documents)
        {
            var inventory = InventorySnapshots.Validate(JsonSerializer.Deserialize(json, CoreJsonContext.Default.ClusterInventory), origin);
            result[inventory.Cluster] = inventory;
        }

        return result;
    }
}
