using BenchmarkDotNet.Attributes;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Benchmarks;

/// <summary>
/// Correlating one batch's findings with an inventory already in memory (the detect path after the first episode:
/// the gatherer's cache answers, so only this pure step runs), for clusters of 1 to 10,000 nodes; and, apart, the
/// one-time cost of indexing a new inventory's nodes, which its first correlation pays.
/// </summary>
public class CorrelationBenchmarks
{
    private List<Finding> findings = null!;
    private ClusterInventory inventory = null!;

    [Params(1, 100, 1_000, 10_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        inventory = SampleInventory.Create("prod-eks", Nodes);
        // A batch names one pod on one node: the last node of the inventory, so the lookup is not the easy first entry.
        var node = inventory.Nodegroups[^1].Instances[^1].Node!;
        findings =
        [
            new Finding
            {
                Id = "f-1", Verdict = Verdicts.RestoreFailure, Cause = CauseIds.RseqPtraceUnsupported, Remedy = RemedyClasses.NodeKernel,
                Cluster = "prod-eks", Pod = "orders-7d9f8b6c5-x2k4q", Namespace = "shop", Node = node, Container = "orders",
            },
        ];
        _ = NodeCorrelator.Default.Correlate(findings, inventory);
    }

    [Benchmark(Description = "Correlate one finding with a cached inventory")]
    public int Correlate() => NodeCorrelator.Default.Correlate(findings, inventory).Count;

    /// <summary>A copy made with <c>with</c> is a new inventory instance, so each call indexes every node again.</summary>
    [Benchmark(Description = "Index the nodes of a new inventory (once per inventory)")]
    public object IndexNewInventory() => InventoryIndex.Of(inventory with { });
}
