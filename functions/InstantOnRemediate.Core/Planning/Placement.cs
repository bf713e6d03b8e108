using System.Diagnostics.CodeAnalysis;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// Where a failing node sits: its cluster, node group and EC2 instance, from correlation first, then the inventory
/// (through its <see cref="InventoryIndex"/>, the correlator's own lookup).
/// </summary>
internal sealed class Placement
{
    private readonly Dictionary<(string Cluster, string Node), NodeCorrelation> correlations = [];
    private readonly Dictionary<string, ClusterInventory> inventories = new(StringComparer.Ordinal);

    public Placement(IEnumerable<ClusterInventory> inventories, IEnumerable<NodeCorrelation> correlations)
    {
        foreach (var inventory in inventories)
        {
            this.inventories.TryAdd(inventory.Cluster, inventory);
        }

        foreach (var correlation in correlations)
        {
            this.correlations.TryAdd((correlation.Cluster ?? "", correlation.Node), correlation);
        }
    }

    public ClusterInventory? Inventory(string cluster) => inventories.GetValueOrDefault(cluster);

    public NodegroupInventory? Nodegroup(string cluster, string nodegroup) =>
        Inventory(cluster)?.Nodegroups.FirstOrDefault(n => n.Name == nodegroup);

    public string? ClusterOf(Finding finding)
    {
        if (finding.Cluster is not null)
        {
            return finding.Cluster;
        }

        return finding.Node is not null && correlations.TryGetValue(("", finding.Node), out var c) ? c.Cluster : null;
    }

    public string NodegroupOf(string cluster, Finding finding)
    {
        if (finding.Node is null)
        {
            return RemediationKey.UnknownNodegroup;
        }

        if (Correlation(cluster, finding.Node)?.Nodegroup is { } ng)
        {
            return ng;
        }

        return TryFind(cluster, finding.Node, out var placed, out _) ? placed.Name : RemediationKey.UnknownNodegroup;
    }

    public string? InstanceIdOf(string cluster, string? node)
    {
        if (node is null)
        {
            return null;
        }

        if (Correlation(cluster, node)?.InstanceId is { } id)
        {
            return id;
        }

        return TryFind(cluster, node, out _, out var instance) ? instance.InstanceId : null;
    }

    private bool TryFind(string cluster, string node, [NotNullWhen(true)] out NodegroupInventory? nodegroup, [NotNullWhen(true)] out InstanceRef? instance)
    {
        if (Inventory(cluster) is { } inventory)
        {
            return InventoryIndex.Of(inventory).TryFind(node, out nodegroup, out instance);
        }

        (nodegroup, instance) = (null, null);
        return false;
    }

    private NodeCorrelation? Correlation(string cluster, string node) =>
        correlations.GetValueOrDefault((cluster, node)) ?? correlations.GetValueOrDefault(("", node));
}
