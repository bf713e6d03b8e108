using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Shared;

/// <summary>The inventory as the nodes reported it: probes recorded by the runbook's diagnose, applied to every later read.</summary>
public sealed class ProbedInventorySourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "probed-inventory-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static NodegroupInventory Group(string? kernel) => new()
    {
        Name = "ng-al2023-general", AmiType = "AL2023_x86_64_STANDARD", ReleaseVersion = "1.30.9-20250212", KubernetesVersion = "1.30",
        Instances = [new InstanceRef { InstanceId = "i-0a1b2c3d4e5f60718", AmiId = "ami-0aaa1111bbbb2222c", Node = "ip-192-168-45-67.us-west-2.compute.internal", Kernel = kernel,
            KernelFeatures = kernel is null ? null : new Dictionary<string, bool> { ["ptrace-get-rseq-conf"] = false } }],
    };

    private static ClusterInventory Inventory(string? kernel) =>
        NodegroupAssessor.Default.Assess(new ClusterInventory { Cluster = "prod-eks", Nodegroups = [Group(kernel)] });

    [Fact]
    public async Task DiagnoseProbedANode_RecordedAndAppliedToTheNextUnprobedRead()
    {
        var state = new FileStateStore(directory, new FixedTime(Now));
        var probing = new ProbedInventorySource(new Fixed(Inventory("5.10.226-214.880.amzn2.x86_64")), () => state, NodegroupAssessor.Default, new FixedTime(Now), JsonLogger.Null, recordProbes: true);
        await probing.ForClusterAsync("prod-eks", CancellationToken.None);

        var record = Assert.Single(await state.GetNodeProbesAsync("prod-eks"));
        Assert.Equal(("ng-al2023-general", "i-0a1b2c3d4e5f60718", "ami-0aaa1111bbbb2222c", "runbook diagnose"), (record.Nodegroup, record.InstanceId, record.AmiId, record.Source));

        var detect = new ProbedInventorySource(new Fixed(Inventory(null)), () => state, NodegroupAssessor.Default, new FixedTime(Now), JsonLogger.Null, recordProbes: false);
        var group = (await detect.ForNodesAsync("prod-eks", ["ip-192-168-45-67.us-west-2.compute.internal"], CancellationToken.None))!.Nodegroups[0];

        Assert.Equal((false, KernelSources.SsmProbe, "5.10.226-214.880.amzn2.x86_64"), (group.Compatible, group.KernelSource, group.Kernel));
    }

    [Fact]
    public async Task NotProbing_NothingRecorded()
    {
        var state = new FileStateStore(directory, new FixedTime(Now));
        var source = new ProbedInventorySource(new Fixed(Inventory("5.10.226-214.880.amzn2.x86_64")), () => state, NodegroupAssessor.Default, new FixedTime(Now), JsonLogger.Null, recordProbes: false);

        await source.ForClusterAsync("prod-eks", CancellationToken.None);

        Assert.Empty(await state.GetNodeProbesAsync("prod-eks"));
    }

    [Fact]
    public async Task StateUnreadable_InventoryAsGatheredNotAnError()
    {
        var gathered = Inventory(null);
        var source = new ProbedInventorySource(new Fixed(gathered), () => throw new IOException("state table unreachable"), NodegroupAssessor.Default, new FixedTime(Now), JsonLogger.Null, recordProbes: false);

        var result = await source.ForClusterAsync("prod-eks", CancellationToken.None);

        Assert.Same(gathered, result);
        Assert.Equal((true, KernelSources.AmiCatalog), (result!.Nodegroups[0].Compatible, result.Nodegroups[0].KernelSource));
    }

    private sealed class Fixed(ClusterInventory inventory) : IInventorySource
    {
        public Task<ClusterInventory?> ForNodesAsync(string cluster, IReadOnlyCollection<string> nodes, CancellationToken cancellationToken) => Task.FromResult<ClusterInventory?>(inventory);

        public Task<ClusterInventory?> ForClusterAsync(string cluster, CancellationToken cancellationToken) => Task.FromResult<ClusterInventory?>(inventory);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
