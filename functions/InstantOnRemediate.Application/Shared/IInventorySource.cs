using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Application.Shared;

/// <summary>Where the correlated picture of a cluster comes from: a saved snapshot (offline) or AWS (live).</summary>
internal interface IInventorySource
{
    /// <summary>The cluster's inventory, enough to place <paramref name="nodes"/>; null when the cluster is unknown to the source.</summary>
    Task<ClusterInventory?> ForNodesAsync(string cluster, IReadOnlyCollection<string> nodes, CancellationToken cancellationToken);

    /// <summary>Every node group of the cluster (audit).</summary>
    Task<ClusterInventory?> ForClusterAsync(string cluster, CancellationToken cancellationToken);
}
