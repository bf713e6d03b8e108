using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Puts what nodes said about themselves (<see cref="NodeProbeRecord"/>) into an inventory gathered without probing:
/// each instance of a node group on the AMI the probed node ran gets the probed kernel and features, and the group is
/// assessed again, so its verdict comes from the node (source <c>ssm-probe</c>, high confidence) instead of the AMI
/// catalog. A record about another AMI is stale (the group was updated since) and is ignored; a kernel probed in this
/// very gathering wins over a recorded one. Pure.
/// </summary>
public static class RecordedProbes
{
    public static ClusterInventory Apply(ClusterInventory inventory, IReadOnlyList<NodeProbeRecord> records, NodegroupAssessor assessor)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(assessor);
        if (records.Count == 0)
        {
            return inventory;
        }

        var byGroup = records.Where(r => r.Cluster == inventory.Cluster && KernelVersion.TryParse(r.Kernel, out _))
            .GroupBy(r => r.Nodegroup, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.At).First(), StringComparer.Ordinal);
        return inventory with { Nodegroups = [.. inventory.Nodegroups.Select(g => byGroup.TryGetValue(g.Name, out var record) ? Apply(g, record, assessor) : g)] };
    }

    /// <summary>The group with <paramref name="record"/> applied, or the group unchanged when the record does not apply.</summary>
    public static NodegroupInventory Apply(NodegroupInventory group, NodeProbeRecord record, NodegroupAssessor assessor)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(assessor);
        if (group.Instances.Any(i => i.Kernel is not null) || !Applies(group, record))
        {
            return group;
        }

        var instances = group.Instances
            .Select(i => i.AmiId == record.AmiId || record.AmiId is null ? i with { Kernel = record.Kernel, KernelFeatures = record.Features.Count > 0 ? record.Features : null } : i)
            .ToList();
        var assessed = assessor.Assess(group with { Instances = instances });
        return assessed with { Reason = $"{assessed.Reason} (kernel {record.Kernel} reported by {record.InstanceId} at {record.At:u}, {record.Source})" };
    }

    /// <summary>The record speaks for the group: some instance runs the AMI the probed node ran (any, when it named none).</summary>
    public static bool Applies(NodegroupInventory group, NodeProbeRecord record)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(record);
        return group.Instances.Count > 0 && (record.AmiId is null || group.Instances.Any(i => i.AmiId == record.AmiId));
    }
}
