namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// The correlated snapshot of one cluster; can be saved (events/inventory-*.json) and replayed offline. An absent or
/// null <see cref="Nodegroups"/> reads as empty (see <see cref="NodegroupInventory"/>).
/// </summary>
public sealed record ClusterInventory
{
    private readonly IReadOnlyList<NodegroupInventory> nodegroups = [];

    public required string Cluster { get; init; }

    /// <summary>Control-plane Kubernetes version, when known.</summary>
    public string? Version { get; init; }

    public string? Region { get; init; }

    public IReadOnlyList<NodegroupInventory> Nodegroups { get => nodegroups; init => nodegroups = value ?? []; }
}
