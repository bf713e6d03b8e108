using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Application.Shared;

/// <summary>Live inventory through EKS, EC2 and SSM; the gatherer caches per instance and AMI for the process lifetime.</summary>
internal sealed class AwsInventorySource(InventoryGatherer gatherer) : IInventorySource
{
    public async Task<ClusterInventory?> ForNodesAsync(string cluster, IReadOnlyCollection<string> nodes, CancellationToken cancellationToken) =>
        await gatherer.GatherForNodesAsync(cluster, nodes, cancellationToken).ConfigureAwait(false);

    public async Task<ClusterInventory?> ForClusterAsync(string cluster, CancellationToken cancellationToken) =>
        await gatherer.GatherAsync(cluster, cancellationToken).ConfigureAwait(false);
}
