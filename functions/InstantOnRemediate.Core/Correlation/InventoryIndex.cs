using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Where a node of one inventory snapshot sits: node name (private DNS name) or instance id → node group and
/// instance, ignoring case; when two instances claim a name, the first in inventory order keeps it. Built once per
/// inventory instance, on first use, and kept while that instance lives, so a lookup costs the same in a cluster of
/// 10,000 nodes as in one of a single node. Inventories are immutable snapshots (<c>with</c> makes a new instance, and
/// so a new index). Thread-safe.
/// </summary>
internal sealed class InventoryIndex
{
    private static readonly ConditionalWeakTable<ClusterInventory, InventoryIndex> Indexes = new();

    private readonly Dictionary<string, (NodegroupInventory Nodegroup, InstanceRef Instance)> byNode;

    private InventoryIndex(ClusterInventory inventory)
    {
        // Two names per instance (id and node name), sized up front: no rehashing while a large cluster is indexed.
        byNode = new(2 * inventory.Nodegroups.Sum(ng => ng.Instances.Count), StringComparer.OrdinalIgnoreCase);
        foreach (var ng in inventory.Nodegroups)
        {
            foreach (var instance in ng.Instances)
            {
                byNode.TryAdd(instance.InstanceId, (ng, instance));
                if (!string.IsNullOrEmpty(instance.Node))
                {
                    byNode.TryAdd(instance.Node, (ng, instance));
                }
            }
        }
    }

    public static InventoryIndex Of(ClusterInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return Indexes.GetValue(inventory, static i => new InventoryIndex(i));
    }

    /// <summary>
    /// The node group and instance of <paramref name="node"/>: a node name, an instance id, or a resource-name hostname
    /// (<c>i-0123456789abcdef0.us-west-2.compute.internal</c>) whose instance id is in the inventory.
    /// </summary>
    public bool TryFind(string node, [NotNullWhen(true)] out NodegroupInventory? nodegroup, [NotNullWhen(true)] out InstanceRef? instance)
    {
        ArgumentNullException.ThrowIfNull(node);
        var dot = node.IndexOf('.', StringComparison.Ordinal);
        if (byNode.TryGetValue(node, out var place)
            || (node.StartsWith("i-", StringComparison.Ordinal) && dot > 0 && byNode.TryGetValue(node[..dot], out place)))
        {
            (nodegroup, instance) = place;
            return true;
        }

        (nodegroup, instance) = (null, null);
        return false;
    }
}
