using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>Where a failing node sits: its cluster, node group and EC2 instance, from correlation first, then the inventory.</summary>
internal sealed class Placement
{
    private readonly Dictionary<(string Cluster, string Node), NodeCorrelation> correlations = [];
    private readonly Dictionary<(string Cluster, string Node), (string Nodegroup, InstanceRef Instance)> instances = [];
    private readonly Dictionary<string, ClusterInventory> inventories = new(StringComparer.Ordinal);

    public Placement(IEnumerable<ClusterInventory> inventories, IEnumerable<NodeCorrelation> correlations)
    {
        foreach (var inventory in inventories)
        {
            this.inventories.TryAdd(inventory.Cluster, inventory);
            foreach (var ng in inventory.Nodegroups)
            {
                foreach (var instance in ng.Instances)
                {
                    if (instance.Node is not null)
                    {
                        this.instances.TryAdd((inventory.Cluster, instance.Node), (ng.Name, instance));
                    }

                    this.instances.TryAdd((inventory.Cluster, instance.InstanceId), (ng.Name, instance));
                }
            }
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

        return instances.TryGetValue((cluster, finding.Node), out var placed) ? placed.Nodegroup : RemediationKey.UnknownNodegroup;
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

        return instances.TryGetValue((cluster, node), out var placed) ? placed.Instance.InstanceId : null;
    }

    private NodeCorrelation? Correlation(string cluster, string node) =>
        correlations.GetValueOrDefault((cluster, node)) ?? correlations.GetValueOrDefault(("", node));
}
