using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class RecordedProbesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An AL2023 node group on Kubernetes 1.30: the AMI catalog infers 6.1, which can restore.</summary>
    private static NodegroupInventory Al2023(string ami = "ami-0aaa1111bbbb2222c") => new()
    {
        Name = "ng-al2023-general", AmiType = "AL2023_x86_64_STANDARD", ReleaseVersion = "1.30.9-20250212", KubernetesVersion = "1.30",
        Instances =
        [
            new InstanceRef { InstanceId = "i-0a1b2c3d4e5f60718", AmiId = ami, Node = "ip-192-168-45-67.us-west-2.compute.internal" },
            new InstanceRef { InstanceId = "i-0a1b2c3d4e5f60719", AmiId = ami, Node = "ip-192-168-45-68.us-west-2.compute.internal" },
        ],
    };

    private static NodeProbeRecord Probe(string? ami = "ami-0aaa1111bbbb2222c", string kernel = "5.10.226-214.880.amzn2.x86_64") => new()
    {
        Cluster = "prod-eks", Nodegroup = "ng-al2023-general", InstanceId = "i-0a1b2c3d4e5f60718", AmiId = ami, Kernel = kernel,
        Features = new Dictionary<string, bool> { ["ptrace-get-rseq-conf"] = false }, At = At, Source = "diagnostics action a1",
    };

    private static ClusterInventory Cluster(NodegroupInventory group) =>
        NodegroupAssessor.Default.Assess(new ClusterInventory { Cluster = "prod-eks", Nodegroups = [group] });

    [Fact]
    public void Apply_NodeSaysOtherwise_VerdictFromTheNodeWithItsSource()
    {
        var inferred = Cluster(Al2023());
        Assert.Equal((true, KernelSources.AmiCatalog), (inferred.Nodegroups[0].Compatible, inferred.Nodegroups[0].KernelSource));

        var probed = RecordedProbes.Apply(inferred, [Probe()], NodegroupAssessor.Default).Nodegroups[0];

        Assert.Equal((false, KernelSources.SsmProbe, Confidences.High), (probed.Compatible, probed.KernelSource, probed.Confidence));
        Assert.Equal("5.10.226-214.880.amzn2.x86_64", probed.Kernel);
        Assert.Contains("ptrace-get-rseq-conf", probed.Missing);
        Assert.Contains("reported by i-0a1b2c3d4e5f60718", probed.Reason, StringComparison.Ordinal);
        Assert.All(probed.Instances, i => Assert.Equal("5.10.226-214.880.amzn2.x86_64", i.Kernel));
    }

    [Fact]
    public void Apply_GroupMovedToAnotherAmi_RecordIsStaleAndIgnored()
    {
        var inferred = Cluster(Al2023(ami: "ami-0ddd3333eeee4444f"));

        var result = RecordedProbes.Apply(inferred, [Probe()], NodegroupAssessor.Default);

        Assert.Same(inferred.Nodegroups[0], result.Nodegroups[0]);
        Assert.Equal((true, KernelSources.AmiCatalog), (result.Nodegroups[0].Compatible, result.Nodegroups[0].KernelSource));
    }

    [Fact]
    public void Apply_KernelProbedInThisGathering_WinsOverTheRecord()
    {
        var fresh = Al2023() with { Instances = [.. Al2023().Instances.Select(i => i with { Kernel = "6.1.119-129.201.amzn2023.x86_64" })] };
        var inventory = Cluster(fresh);

        var result = RecordedProbes.Apply(inventory, [Probe()], NodegroupAssessor.Default).Nodegroups[0];

        Assert.Equal((true, "6.1.119-129.201.amzn2023.x86_64"), (result.Compatible, result.Kernel));
    }

    [Theory]
    [InlineData("staging-eks", "ng-al2023-general", "5.10.226-214.880.amzn2.x86_64")]
    [InlineData("prod-eks", "ng-other", "5.10.226-214.880.amzn2.x86_64")]
    [InlineData("prod-eks", "ng-al2023-general", "$(reboot)")]
    public void Apply_RecordOfAnotherClusterGroupOrNoKernel_Ignored(string cluster, string nodegroup, string kernel)
    {
        var inferred = Cluster(Al2023());

        var result = RecordedProbes.Apply(inferred, [Probe(kernel: kernel) with { Cluster = cluster, Nodegroup = nodegroup }], NodegroupAssessor.Default);

        Assert.Equal((true, KernelSources.AmiCatalog), (result.Nodegroups[0].Compatible, result.Nodegroups[0].KernelSource));
    }

    [Fact]
    public void Apply_TwoRecordsForAGroup_TheLatestStands()
    {
        var inferred = Cluster(Al2023());
        var older = Probe() with { At = At.AddDays(-1) };
        var newer = Probe(kernel: "6.1.119-129.201.amzn2023.x86_64") with { Features = new Dictionary<string, bool>() };

        var result = RecordedProbes.Apply(inferred, [newer, older], NodegroupAssessor.Default).Nodegroups[0];

        Assert.Equal(("6.1.119-129.201.amzn2023.x86_64", true, KernelSources.SsmProbe), (result.Kernel, result.Compatible, result.KernelSource));
    }
}
