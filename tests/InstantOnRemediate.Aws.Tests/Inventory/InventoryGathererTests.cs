using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>
/// The gatherer against moto_server: EKS through the hand-written client (cluster and managed node groups created in
/// moto), EC2 instances and AMIs through the hand-written EC2 client. Call counts are read per operation at the
/// HTTP layer.
/// </summary>
[Collection(InventoryMotoCollection.Name)]
public sealed class InventoryGathererTests(MotoServer moto)
{
    private const string Cluster = "prod-eks";

    private sealed record Fleet(MotoWorld World, string Al2Asg, string Al2023Asg, List<(string InstanceId, string Node)> Al2, List<(string InstanceId, string Node)> Al2023);

    private async Task<Fleet> FleetAsync()
    {
        var world = await MotoWorld.CreateAsync(moto);
        await world.CreateClusterAsync(Cluster);
        var al2Asg = await world.CreateNodegroupAsync(Cluster, "ng-al2-general", "AL2_x86_64", "1.30.9-20250212");
        var al2023Asg = await world.CreateNodegroupAsync(Cluster, "ng-al2023-general", "AL2023_x86_64_STANDARD", "1.30.9-20250212");
        var al2Ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "EKS Kubernetes Worker AMI with AmazonLinux2 image");
        var al2023Ami = await world.RegisterAmiAsync("amazon-eks-node-al2023-x86_64-standard-1.30-v20250212", "EKS-optimized Kubernetes node based on Amazon Linux 2023");
        // The AL2 group's instances carry only the ASG tag (matched through DescribeNodegroup.resources); AL2023's carry eks:nodegroup-name too.
        var al2 = await world.LaunchAsync(al2Ami, 1, al2Asg, nodegroupTag: null);
        var al2023 = await world.LaunchAsync(al2023Ami, 2, al2023Asg, nodegroupTag: "ng-al2023-general");
        return new Fleet(world, al2Asg, al2023Asg, al2, al2023);
    }

    [Fact]
    public async Task GatherAsync_MotoFleet_CorrelatesInstancesAmisKernelsAndVerdicts()
    {
        var fleet = await FleetAsync();
        using var world = fleet.World;
        var gatherer = new InventoryGatherer(world.Eks, world.Ec2, world.Ssm, new ManualTime());

        var inventory = await gatherer.GatherAsync(Cluster);

        Assert.Equal(["ng-al2-general", "ng-al2023-general"], inventory.Nodegroups.Select(n => n.Name));
        var al2 = inventory.Nodegroups[0];
        var instance = Assert.Single(al2.Instances);
        Assert.Equal((fleet.Al2[0].InstanceId, fleet.Al2[0].Node), (instance.InstanceId, instance.Node));
        Assert.Equal("amazon-eks-node-1.30-v20250212", instance.AmiName);
        Assert.Equal(("al2", "5.10", KernelSources.AmiCatalog, false), (al2.AmiFamily, al2.Kernel, al2.KernelSource, al2.Compatible));
        Assert.Equal(["ptrace-get-rseq-conf"], al2.Missing);
        Assert.Equal("AL2023_x86_64_STANDARD", al2.TargetAmiType);
        Assert.Equal([fleet.Al2Asg], al2.AutoScalingGroups);
        Assert.Equal(("1.30", "1.30.9-20250212", "ACTIVE", 2), (al2.KubernetesVersion, al2.ReleaseVersion, al2.Status, al2.DesiredSize));

        var al2023 = inventory.Nodegroups[1];
        Assert.Equal(fleet.Al2023.Select(i => i.InstanceId).Order(StringComparer.Ordinal), al2023.Instances.Select(i => i.InstanceId));
        Assert.Equal(("6.1", true), (al2023.Kernel, al2023.Compatible));
        Assert.Equal(1, world.Ec2Calls.Count("DescribeInstances"));
        Assert.Equal(1, world.Ec2Calls.Count("DescribeImages"));
        Assert.Equal((1, 1, 2), (world.EksCalls.Count("DescribeCluster"), world.EksCalls.Count("ListNodegroups"), world.EksCalls.Count("DescribeNodegroup")));
        Assert.Equal("1.30", inventory.Version);
        Assert.Equal(0, world.SsmCalls.Total);
    }

    [Fact]
    public async Task GatherForNodesAsync_ManyEventsFewNodes_CallsGrowWithDistinctNodesNotEvents()
    {
        var fleet = await FleetAsync();
        using var world = fleet.World;
        var time = new ManualTime();
        var gatherer = new InventoryGatherer(world.Eks, world.Ec2, world.Ssm, time, new InventoryGathererOptions { CacheLifetime = TimeSpan.FromMinutes(10) });
        var nodes = new[] { fleet.Al2[0].Node, fleet.Al2023[0].Node, fleet.Al2023[1].InstanceId };
        var events = Enumerable.Range(0, 600).Select(i => nodes[i % nodes.Length]).ToList();

        var first = await gatherer.GatherForNodesAsync(Cluster, events);
        var firstCalls = (world.Ec2Calls.Count("DescribeInstances"), world.Ec2Calls.Count("DescribeImages"), world.EksCalls.Count("DescribeNodegroup"));
        for (var batch = 0; batch < 5; batch++)
        {
            await gatherer.GatherForNodesAsync(Cluster, events);
        }

        var cachedCalls = (world.Ec2Calls.Count("DescribeInstances"), world.Ec2Calls.Count("DescribeImages"), world.EksCalls.Count("DescribeNodegroup"));
        time.Advance(TimeSpan.FromMinutes(11));
        await gatherer.GatherForNodesAsync(Cluster, events);

        Assert.Equal(3, first.Nodegroups.Sum(n => n.Instances.Count));
        Assert.Equal((2, 1, 2), firstCalls);
        Assert.Equal(firstCalls, cachedCalls);
        Assert.Equal(4, world.Ec2Calls.Count("DescribeInstances"));
        Assert.Equal(2, world.Ec2Calls.Count("DescribeImages"));
        var correlation = NodeCorrelator.Default.Correlate(
            [new Core.Classification.Finding { Id = "f", Verdict = "restore-failure", Cause = "rseq-criu-unaware", Remedy = "image", Node = fleet.Al2[0].Node }], first);
        Assert.Equal(("ng-al2-general", false), (correlation[0].Nodegroup, correlation[0].Compatible));
    }

    [Fact]
    public async Task GatherForNodesAsync_MoreThan200NodeNames_BatchesFiltersAndRemembersMisses()
    {
        var fleet = await FleetAsync();
        using var world = fleet.World;
        var gatherer = new InventoryGatherer(world.Eks, world.Ec2, world.Ssm, new ManualTime());
        var names = Enumerable.Range(0, 250).Select(i => $"ip-10-99-{i / 250}-{i % 250}.ec2.internal").Append(fleet.Al2[0].Node).ToList();

        var inventory = await gatherer.GatherForNodesAsync(Cluster, names);
        await gatherer.GatherForNodesAsync(Cluster, names);

        Assert.Equal(2, world.Ec2Calls.Count("DescribeInstances"));
        var only = Assert.Single(inventory.Nodegroups);
        Assert.Equal("ng-al2-general", only.Name);
    }

    [Fact]
    public async Task GatherForNodesAsync_NodeNameThatIsNotAHostname_IsNeverSentToEc2()
    {
        var fleet = await FleetAsync();
        using var world = fleet.World;
        var gatherer = new InventoryGatherer(world.Eks, world.Ec2, world.Ssm, new ManualTime());

        var inventory = await gatherer.GatherForNodesAsync(Cluster, ["ip-1-2-3-4 ; rm -rf /", "*"]);

        Assert.Empty(inventory.Nodegroups);
        Assert.Equal(0, world.Ec2Calls.Count("DescribeInstances"));
    }

    [Fact]
    public async Task GatherAsync_WithProbe_ProbesOneNodePerNodegroupAndCaches()
    {
        var fleet = await FleetAsync();
        using var world = fleet.World;
        world.SsmCalls.Rewrite = (operation, body) => operation == "GetCommandInvocation"
            ? body.Replace("\"StandardOutputContent\": \"\"", "\"StandardOutputContent\": \"" + System.Text.Json.JsonEncodedText.Encode(NodeProbeTests.Al2Diagnostics) + "\"", StringComparison.Ordinal)
            : body;
        var time = new ManualTime();
        var gatherer = new InventoryGatherer(world.Eks, world.Ec2, world.Ssm, time, new InventoryGathererOptions { ProbeNodes = true, DiagnosticsDocument = "InstantOnRemediate-test-NodeDiagnostics" });

        var inventory = await gatherer.GatherAsync(Cluster);
        await gatherer.GatherAsync(Cluster);

        var al2 = inventory.Nodegroups[0];
        Assert.Equal(("5.10.226-214.880.amzn2.x86_64", KernelSources.SsmProbe, false), (al2.Kernel, al2.KernelSource, al2.Compatible));
        Assert.False(al2.Instances[0].KernelFeatures!["ptrace-get-rseq-conf"]);
        // One node per node group, once: the second gathering reuses the cached probes.
        Assert.True(inventory.Nodegroups.Sum(n => n.Instances.Count) > inventory.Nodegroups.Count);
        Assert.Equal(inventory.Nodegroups.Count, world.SsmCalls.Count("SendCommand"));
    }

    [Fact]
    public async Task GatherAsync_UnknownCluster_NotFoundFromEks()
    {
        var fleet = await FleetAsync();
        using var world = fleet.World;
        var gatherer = new InventoryGatherer(world.Eks, world.Ec2, world.Ssm, new ManualTime());

        var error = await Assert.ThrowsAsync<EksServiceException>(() => gatherer.GatherAsync("absent-eks"));

        Assert.Equal(EksErrorKind.NotFound, error.Kind);
        Assert.Equal((0, 0), (world.EksCalls.Count("ListNodegroups"), world.Ec2Calls.Count("DescribeInstances")));
    }
}
