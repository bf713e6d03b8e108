using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class NodeCorrelatorTests
{
    private static ClusterInventory Load(string file) =>
        InventorySnapshots.Parse(File.ReadAllText(RepoPaths.Event("inventory", file)), file)[0];

    private static Finding Failure(string id, string node, string cause = "rseq-ptrace-unsupported", string? kernel = null) => new()
    {
        Id = id,
        Verdict = Verdicts.RestoreFailure,
        Cause = cause,
        Remedy = "node-kernel",
        Node = node,
        Kernel = kernel,
    };

    [Fact]
    public void Correlate_ProdSnapshot_PlacesAl2NodeAsIncompatibleAndAl2023NodeAsCompatible()
    {
        var findings = new[]
        {
            Failure("a", "ip-192-168-12-34.us-west-2.compute.internal"),
            Failure("b", "ip-192-168-12-34.us-west-2.compute.internal"),
            Failure("c", "ip-192-168-45-67.us-west-2.compute.internal", "file-mismatch"),
        };

        var result = NodeCorrelator.Default.Correlate(findings, Load("prod-eks.json"));

        Assert.Equal(2, result.Count);
        var al2 = result[0];
        Assert.Equal(("i-0a1b2c3d4e5f60718", "ng-al2-general", "ami-0c5d2b8e41f7a3c96", "al2", "1.30.9-20250212"),
            (al2.InstanceId, al2.Nodegroup, al2.AmiId, al2.AmiFamily, al2.AmiRelease));
        Assert.Equal(("5.10", KernelSources.AmiCatalog, false), (al2.Kernel, al2.KernelSource, al2.Compatible));
        Assert.Equal(["ptrace-get-rseq-conf"], al2.Missing);
        Assert.Equal("prod-eks", al2.Cluster);
        var al2023 = result[1];
        Assert.Equal(("ng-al2023-general", "6.1", true), (al2023.Nodegroup, al2023.Kernel, al2023.Compatible));
    }

    [Fact]
    public void Correlate_LogPrintedKernel_BeatsTheCatalog()
    {
        var result = NodeCorrelator.Default.Correlate(
            [Failure("a", "ip-192-168-12-34.us-west-2.compute.internal", kernel: "5.10.226-214.880.amzn2.x86_64")], Load("prod-eks.json"));
        Assert.Equal(("5.10.226-214.880.amzn2.x86_64", KernelSources.CriuLog, Confidences.Medium), (result[0].Kernel, result[0].KernelSource, result[0].Confidence));
    }

    [Fact]
    public void Correlate_ProbedInstance_UsesProbeWithItsFeatures()
    {
        var result = NodeCorrelator.Default.Correlate([Failure("a", "ip-10-20-5-17.eu-west-1.compute.internal")], Load("staging-eks.json"));
        Assert.Equal(("5.10.245-241.978.amzn2.aarch64", KernelSources.SsmProbe, Confidences.High, false),
            (result[0].Kernel, result[0].KernelSource, result[0].Confidence, result[0].Compatible));
    }

    [Fact]
    public void Correlate_NodeNamedByInstanceIdOrResourceName_FindsInstance()
    {
        var inventory = Load("prod-eks.json");
        var result = NodeCorrelator.Default.Correlate(
            [Failure("a", "i-0a1b2c3d4e5f60718"), Failure("b", "i-0b9c8d7e6f5a41302.us-west-2.compute.internal")], inventory);
        Assert.Equal(["ng-al2-general", "ng-al2023-general"], result.Select(r => r.Nodegroup));
    }

    [Fact]
    public void Correlate_UnknownNode_IsUnknownAndSaysSo()
    {
        var result = NodeCorrelator.Default.Correlate([Failure("a", "ip-10-9-9-9.ec2.internal")], Load("prod-eks.json"));
        var only = Assert.Single(result);
        Assert.Null(only.Compatible);
        Assert.Null(only.Nodegroup);
        Assert.Equal(KernelSources.Unknown, only.KernelSource);
        Assert.Contains("not in the inventory", only.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlate_FindingsWithoutNode_AreSkipped()
    {
        Assert.Empty(NodeCorrelator.Default.Correlate([Failure("a", "") with { Node = null }], Load("prod-eks.json")));
    }
}
