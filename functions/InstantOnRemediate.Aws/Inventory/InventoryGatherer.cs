using Amazon.SimpleSystemsManagement;
using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// Builds a <see cref="ClusterInventory"/> from EKS (node groups), EC2 (instances, AMIs) and optionally SSM (kernel
/// probes), then assesses each node group's InstantOn compatibility. Answers are cached per node group, instance and
/// AMI for <see cref="InventoryGathererOptions.CacheLifetime"/>, so API calls grow with distinct nodes and AMIs, not
/// with log events.
/// </summary>
public sealed class InventoryGatherer
{
    private readonly IAmazonEks eks;
    private readonly Ec2Inventory ec2;
    private readonly NodeProbe probe;
    private readonly InventoryGathererOptions options;
    private readonly NodegroupAssessor assessor;
    private readonly ExpiringCache<(string Cluster, string Nodegroup), NodegroupInventory> nodegroups;
    private readonly ExpiringCache<string, IReadOnlyList<string>> nodegroupNames;
    private readonly ExpiringCache<string, string?> clusterVersions;
    private readonly ExpiringCache<string, Ec2InstanceFacts?> instancesByNode;
    private readonly ExpiringCache<string, AmiFacts?> amis;
    private readonly ExpiringCache<string, NodeProbeResult> probes;

    /// <summary>The seam: the three service interfaces (EKS and EC2 hand-written, SSM from the SDK) and the clock.</summary>
    public InventoryGatherer(IAmazonEks eks, IAmazonEc2 ec2, IAmazonSimpleSystemsManagement ssm, TimeProvider time, InventoryGathererOptions? options = null, NodegroupAssessor? assessor = null)
    {
        this.eks = eks;
        this.ec2 = new Ec2Inventory(ec2);
        this.options = options ?? new InventoryGathererOptions();
        this.assessor = assessor ?? NodegroupAssessor.Default;
        probe = new NodeProbe(ssm, time, this.assessor.Matrix, this.options.DiagnosticsDocument, this.options.ProbeMaxAttempts, this.options.ProbePollInterval);
        var lifetime = this.options.CacheLifetime;
        nodegroups = new(time, lifetime);
        nodegroupNames = new(time, lifetime, StringComparer.Ordinal);
        clusterVersions = new(time, lifetime, StringComparer.Ordinal);
        instancesByNode = new(time, lifetime, StringComparer.OrdinalIgnoreCase);
        amis = new(time, lifetime, StringComparer.Ordinal);
        probes = new(time, lifetime, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every node group of the cluster with its running instances, AMIs, kernels and verdicts, and the control-plane
    /// version. An unknown cluster fails with <see cref="EksServiceException"/> of kind <see cref="EksErrorKind.NotFound"/>.
    /// </summary>
    public async Task<ClusterInventory> GatherAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var version = await ClusterVersionAsync(cluster, cancellationToken).ConfigureAwait(false);
        var groups = await DescribeAllNodegroupsAsync(cluster, cancellationToken).ConfigureAwait(false);
        var asgToGroup = AsgIndex(groups);
        var instances = await ec2.FindByAutoScalingGroupsAsync([.. asgToGroup.Keys], cancellationToken).ConfigureAwait(false);
        foreach (var instance in instances)
        {
            Remember(instance);
        }

        var inventory = await BuildAsync(cluster, groups, instances, asgToGroup, cancellationToken).ConfigureAwait(false);
        return inventory with { Version = version };
    }

    /// <summary>
    /// Only the node groups and instances behind <paramref name="nodeNames"/> (the detect path). Node names already
    /// resolved within the cache lifetime cost no EC2 call; node groups are described once per lifetime.
    /// </summary>
    public async Task<ClusterInventory> GatherForNodesAsync(string cluster, IEnumerable<string> nodeNames, CancellationToken cancellationToken = default)
    {
        var distinct = nodeNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var resolved = new List<Ec2InstanceFacts>();
        var misses = new List<string>();
        foreach (var node in distinct)
        {
            if (instancesByNode.TryGet(node, out var known))
            {
                if (known is not null)
                {
                    resolved.Add(known);
                }
            }
            else
            {
                misses.Add(node);
            }
        }

        if (misses.Count > 0)
        {
            var found = await ec2.FindByNodeNamesAsync(misses, cancellationToken).ConfigureAwait(false);
            foreach (var instance in found)
            {
                Remember(instance);
            }

            resolved.AddRange(found);
            foreach (var miss in misses.Where(m => !found.Any(f => Names(f).Contains(m, StringComparer.OrdinalIgnoreCase))))
            {
                instancesByNode.Set(miss, null);
            }
        }

        resolved = [.. resolved.DistinctBy(i => i.InstanceId)];
        var groups = new List<NodegroupInventory>();
        var needAll = resolved.Any(i => i.NodegroupTag is null);
        if (needAll)
        {
            groups.AddRange(await DescribeAllNodegroupsAsync(cluster, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            foreach (var name in resolved.Select(i => i.NodegroupTag!).Distinct(StringComparer.Ordinal))
            {
                if (await DescribeNodegroupAsync(cluster, name, cancellationToken).ConfigureAwait(false) is { } ng)
                {
                    groups.Add(ng);
                }
            }
        }

        var asgToGroup = AsgIndex(groups);
        var inventory = await BuildAsync(cluster, groups, resolved, asgToGroup, cancellationToken).ConfigureAwait(false);
        return inventory with { Nodegroups = [.. inventory.Nodegroups.Where(ng => ng.Instances.Count > 0)] };
    }

    private async Task<ClusterInventory> BuildAsync(string cluster, List<NodegroupInventory> groups, IReadOnlyList<Ec2InstanceFacts> instances, Dictionary<string, string> asgToGroup, CancellationToken cancellationToken)
    {
        var imageIds = instances.Select(i => i.ImageId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var images = await ImagesAsync(imageIds, cancellationToken).ConfigureAwait(false);

        var members = new Dictionary<string, List<InstanceRef>>(StringComparer.Ordinal);
        var probedGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            var group = instance.NodegroupTag is { } tag && groups.Any(g => g.Name == tag)
                ? tag
                : instance.AutoScalingGroup is { } asg && asgToGroup.TryGetValue(asg, out var byAsg) ? byAsg : null;
            if (group is null)
            {
                continue;
            }

            // One node per node group is probed (the group shares its AMI and kernel): what the node says overrides
            // the AMI catalog's inference for the whole group, and the probes stay within the function's time.
            NodeProbeResult? probed = options.ProbeNodes && probedGroups.Add(group) ? await ProbeAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false) : null;
            var image = instance.ImageId is not null ? images.GetValueOrDefault(instance.ImageId) : null;
            if (!members.TryGetValue(group, out var list))
            {
                members[group] = list = [];
            }

            list.Add(new InstanceRef
            {
                InstanceId = instance.InstanceId,
                Node = instance.PrivateDnsName,
                AmiId = instance.ImageId,
                AmiName = image?.Name,
                InstanceType = instance.InstanceType,
                Architecture = instance.Architecture,
                Kernel = probed?.Kernel,
                KernelFeatures = probed is { Features.Count: > 0 } ? probed.Features : null,
            });
        }

        var assessed = groups
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => assessor.Assess(g with { Instances = [.. (members.GetValueOrDefault(g.Name) ?? []).OrderBy(i => i.InstanceId, StringComparer.Ordinal)] }))
            .ToList();
        return new ClusterInventory { Cluster = cluster, Nodegroups = assessed };
    }

    private async Task<Dictionary<string, AmiFacts?>> ImagesAsync(List<string> imageIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, AmiFacts?>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var id in imageIds)
        {
            if (amis.TryGet(id, out var known))
            {
                result[id] = known;
            }
            else
            {
                misses.Add(id);
            }
        }

        if (misses.Count > 0)
        {
            var described = await ec2.DescribeImagesAsync(misses, cancellationToken).ConfigureAwait(false);
            foreach (var id in misses)
            {
                var image = described.FirstOrDefault(d => d.ImageId == id);
                amis.Set(id, image);
                result[id] = image;
            }
        }

        return result;
    }

    private async Task<NodeProbeResult> ProbeAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (probes.TryGet(instanceId, out var known))
        {
            return known;
        }

        var result = await probe.ProbeAsync(instanceId, cancellationToken).ConfigureAwait(false);
        probes.Set(instanceId, result);
        return result;
    }

    [IamAction("eks:DescribeCluster", Resource = "cluster")]
    private async Task<string?> ClusterVersionAsync(string cluster, CancellationToken cancellationToken)
    {
        if (!clusterVersions.TryGet(cluster, out var version))
        {
            var response = await eks.DescribeClusterAsync(new DescribeClusterRequest { Name = cluster }, cancellationToken).ConfigureAwait(false);
            version = response.Cluster?.Version;
            clusterVersions.Set(cluster, version);
        }

        return version;
    }

    [IamAction("eks:ListNodegroups", Resource = "cluster")]
    private async Task<List<NodegroupInventory>> DescribeAllNodegroupsAsync(string cluster, CancellationToken cancellationToken)
    {
        if (!nodegroupNames.TryGet(cluster, out var names))
        {
            names = await eks.ListAllNodegroupsAsync(cluster, cancellationToken: cancellationToken).ConfigureAwait(false);
            nodegroupNames.Set(cluster, names);
        }

        var groups = new List<NodegroupInventory>();
        foreach (var name in names)
        {
            if (await DescribeNodegroupAsync(cluster, name, cancellationToken).ConfigureAwait(false) is { } ng)
            {
                groups.Add(ng);
            }
        }

        return groups;
    }

    [IamAction("eks:DescribeNodegroup", Resource = "nodegroup")]
    private async Task<NodegroupInventory?> DescribeNodegroupAsync(string cluster, string name, CancellationToken cancellationToken)
    {
        if (nodegroups.TryGet((cluster, name), out var cached))
        {
            return cached;
        }

        DescribeNodegroupResponse response;
        try
        {
            response = await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = cluster, NodegroupName = name }, cancellationToken).ConfigureAwait(false);
        }
        catch (EksServiceException e) when (e.Kind == EksErrorKind.NotFound)
        {
            return null;
        }

        if (response.Nodegroup is not { } ng)
        {
            return null;
        }

        var inventory = new NodegroupInventory
        {
            Name = ng.NodegroupName ?? name,
            AmiType = ng.AmiType,
            ReleaseVersion = ng.ReleaseVersion,
            KubernetesVersion = ng.Version,
            Status = ng.Status,
            CapacityType = ng.CapacityType,
            InstanceTypes = ng.InstanceTypes ?? [],
            Subnets = ng.Subnets ?? [],
            NodeRole = ng.NodeRole,
            MinSize = ng.ScalingConfig?.MinSize,
            MaxSize = ng.ScalingConfig?.MaxSize,
            DesiredSize = ng.ScalingConfig?.DesiredSize,
            Labels = ng.Labels ?? [],
            Taints = [.. (ng.Taints ?? []).Where(t => t.Key is not null).Select(t => new NodegroupTaint(t.Key!, t.Value, t.Effect ?? "NO_SCHEDULE"))],
            AutoScalingGroups = [.. (ng.Resources?.AutoScalingGroups ?? []).Select(a => a.Name).OfType<string>()],
            UsesLaunchTemplate = ng.LaunchTemplate is not null,
        };
        nodegroups.Set((cluster, name), inventory);
        return inventory;
    }

    private void Remember(Ec2InstanceFacts instance)
    {
        foreach (var name in Names(instance))
        {
            instancesByNode.Set(name, instance);
        }
    }

    private static IEnumerable<string> Names(Ec2InstanceFacts instance) =>
        instance.PrivateDnsName is null ? [instance.InstanceId] : [instance.InstanceId, instance.PrivateDnsName];

    private static Dictionary<string, string> AsgIndex(IEnumerable<NodegroupInventory> groups)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            foreach (var asg in g.AutoScalingGroups)
            {
                index.TryAdd(asg, g.Name);
            }
        }

        return index;
    }
}
