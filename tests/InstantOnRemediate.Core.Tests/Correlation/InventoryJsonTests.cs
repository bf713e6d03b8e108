using System.Text.Json;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Tests.Correlation;

/// <summary>Absent members of a saved or hand-written inventory read as their declared defaults for every reader, not null.</summary>
public sealed class InventoryJsonTests
{
    private const string Minimal = """{"cluster":"x","nodegroups":[{"name":"a"}]}""";

    [Fact]
    public void Deserialize_MinimalNodegroup_CollectionsEmptyAndDefaultsKept()
    {
        var inventory = JsonSerializer.Deserialize(Minimal, CoreJsonContext.Default.ClusterInventory)!;

        var ng = Assert.Single(inventory.Nodegroups);
        Assert.Equal("a", ng.Name);
        Assert.NotNull(ng.Missing);
        Assert.Empty(ng.Missing);
        Assert.NotNull(ng.Instances);
        Assert.Empty(ng.Instances);
        Assert.Equal((0, 0, 0, 0, 0), (ng.InstanceTypes.Count, ng.Subnets.Count, ng.Labels.Count, ng.Taints.Count, ng.AutoScalingGroups.Count));
        Assert.Equal((KernelSources.Unknown, Confidences.None), (ng.KernelSource, ng.Confidence));
    }

    [Fact]
    public void Deserialize_ClusterWithoutNodegroups_EmptyList()
    {
        var inventory = JsonSerializer.Deserialize("""{"cluster":"x"}""", CoreJsonContext.Default.ClusterInventory)!;

        Assert.NotNull(inventory.Nodegroups);
        Assert.Empty(inventory.Nodegroups);
    }

    [Fact]
    public void Deserialize_ArrayOfClusters_SameDefaults()
    {
        var clusters = JsonSerializer.Deserialize("[" + Minimal + "]", CoreJsonContext.Default.ListClusterInventory)!;

        var ng = Assert.Single(Assert.Single(clusters).Nodegroups);
        Assert.Equal((0, 0), (ng.Missing.Count, ng.Instances.Count));
    }

    [Fact]
    public void Parse_MinimalSnapshot_CollectionsEmpty()
    {
        var ng = Assert.Single(Assert.Single(InventorySnapshots.Parse(Minimal)).Nodegroups);

        Assert.Equal((0, 0), (ng.Missing.Count, ng.Instances.Count));
    }

    [Fact]
    public void Parse_NoClusterName_ClearError()
    {
        var error = Assert.Throws<CorrelationDataException>(() => InventorySnapshots.Parse("""{"cluster":" ","nodegroups":[]}""", "snap.json"));

        Assert.Contains("snap.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ExplicitNullCollections_ReadAsEmpty()
    {
        var inventory = JsonSerializer.Deserialize("""{"cluster":"x","nodegroups":[{"name":"a","missing":null,"instances":null,"kernelSource":null}]}""", CoreJsonContext.Default.ClusterInventory)!;

        var ng = Assert.Single(inventory.Nodegroups);
        Assert.Equal((0, 0, KernelSources.Unknown), (ng.Missing.Count, ng.Instances.Count, ng.KernelSource));
    }

    [Fact]
    public void Parse_NullNodegroupEntry_ClearError()
    {
        var error = Assert.Throws<CorrelationDataException>(() => InventorySnapshots.Parse("""{"cluster":"x","nodegroups":[null]}""", "snap.json"));

        Assert.Contains("null node group", error.Message, StringComparison.Ordinal);
    }
}
