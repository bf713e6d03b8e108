namespace InstantOnRemediate.Core.Correlation;

/// <summary>The correlated snapshot of one cluster; can be saved (events/inventory-*.json) and replayed offline.</summary>
public sealed record ClusterInventory
{
    public required string Cluster { get; init; }

    /// <summary>Control-plane Kubernetes version, when known.</summary>
    public string? Version { get; init; }

    public string? Region { get; init; }

    public IReadOnlyList<NodegroupInventory> Nodegroups { get; init; } = [];
}
