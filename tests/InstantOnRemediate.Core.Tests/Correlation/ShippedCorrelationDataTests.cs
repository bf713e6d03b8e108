using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class ShippedCorrelationDataTests
{
    [Fact]
    public void EmbeddedData_CorrelationFilesAndSchemas_AreShippedAndLoad()
    {
        var names = EmbeddedCorrelationData.Names();
        Assert.Contains("kernel-features.json", names);
        Assert.Contains("ami-catalog.json", names);
        Assert.Contains("kernel-features.schema.json", names);
        Assert.Contains("ami-catalog.schema.json", names);
        Assert.NotEmpty(KernelFeatureMatrix.Default.Features);
        Assert.NotEmpty(AmiCatalog.Default.Document.Kernels);
    }

    [Fact]
    public void AmiCatalog_EveryEksAmiType_IsListed()
    {
        string[] eksAmiTypes =
        [
            "AL2_x86_64", "AL2_x86_64_GPU", "AL2_ARM_64", "CUSTOM", "BOTTLEROCKET_ARM_64", "BOTTLEROCKET_x86_64",
            "BOTTLEROCKET_ARM_64_FIPS", "BOTTLEROCKET_x86_64_FIPS", "BOTTLEROCKET_ARM_64_NVIDIA", "BOTTLEROCKET_x86_64_NVIDIA",
            "BOTTLEROCKET_ARM_64_NVIDIA_FIPS", "BOTTLEROCKET_x86_64_NVIDIA_FIPS", "WINDOWS_CORE_2019_x86_64", "WINDOWS_FULL_2019_x86_64",
            "WINDOWS_CORE_2022_x86_64", "WINDOWS_FULL_2022_x86_64", "WINDOWS_CORE_2025_x86_64", "WINDOWS_FULL_2025_x86_64",
            "AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "AL2023_x86_64_NEURON", "AL2023_x86_64_NVIDIA", "AL2023_ARM_64_NVIDIA",
        ];
        Assert.All(eksAmiTypes, t => Assert.NotNull(AmiCatalog.Default.Entry(t)));
    }

    [Theory]
    [InlineData("prod-eks.json", "prod-eks")]
    [InlineData("staging-eks.json", "staging-eks")]
    public void InventorySnapshot_ShippedFile_LoadsAndNamesItsCluster(string file, string cluster)
    {
        var json = File.ReadAllText(RepoPaths.Event("inventory", file));
        var inventory = Assert.Single(InventorySnapshots.Parse(json, file));
        Assert.Equal(cluster, inventory.Cluster);
        Assert.NotEmpty(inventory.Nodegroups);
        Assert.All(inventory.Nodegroups, ng => Assert.NotEmpty(ng.Instances));
    }
}
