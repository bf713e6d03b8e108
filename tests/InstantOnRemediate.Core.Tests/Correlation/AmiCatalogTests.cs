using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class AmiCatalogTests
{
    private static readonly AmiCatalog Catalog = AmiCatalog.Default;

    [Theory]
    [InlineData("AL2_x86_64", "al2")]
    [InlineData("AL2_x86_64_GPU", "al2")]
    [InlineData("AL2023_ARM_64_NVIDIA", "al2023")]
    [InlineData("BOTTLEROCKET_x86_64_NVIDIA_FIPS", "bottlerocket")]
    [InlineData("WINDOWS_CORE_2022_x86_64", "windows")]
    [InlineData("CUSTOM", "custom")]
    [InlineData("AL2023_ARM_64_NEURON", "al2023")]
    [InlineData("BOTTLEROCKET_RISCV", "bottlerocket")]
    public void FamilyOf_AmiType_MapsToFamilyIncludingFutureValues(string amiType, string family)
    {
        Assert.Equal(family, Catalog.FamilyOf(amiType));
    }

    [Theory]
    [InlineData("AL2_x86_64", "AL2023_x86_64_STANDARD")]
    [InlineData("AL2_ARM_64", "AL2023_ARM_64_STANDARD")]
    [InlineData("AL2_x86_64_GPU", "AL2023_x86_64_NVIDIA")]
    [InlineData("AL2023_x86_64_STANDARD", null)]
    public void TargetFor_Al2_IsAl2023OfTheSameArchitecture(string amiType, string? target)
    {
        Assert.Equal(target, Catalog.TargetFor(amiType));
    }

    [Theory]
    [InlineData("al2", "AL2_x86_64", "1.30", "2025-02-12", "5.10", "high")]
    [InlineData("al2", "AL2_x86_64", "1.29", "2024-01-10", "5.10", "high")]
    [InlineData("al2", "AL2_x86_64", "1.24", "2022-12-01", "5.4", "high")]
    [InlineData("al2", "AL2_x86_64", "1.23", "2024-01-10", "5.4", "high")]
    [InlineData("al2", "AL2_x86_64", "1.18", null, "4.14", "high")]
    [InlineData("al2", "AL2_x86_64_GPU", "1.27", "2023-10-02", "5.4", "high")]
    [InlineData("al2", "AL2_x86_64_GPU", "1.28", "2023-10-02", "5.10", "medium")]
    [InlineData("al2023", "AL2023_x86_64_STANDARD", "1.31", "2024-11-21", "6.1", "high")]
    [InlineData("al2023", "AL2023_ARM_64_NVIDIA", "1.31", "2025-05-01", "6.12", "high")]
    [InlineData("al2023", "AL2023_x86_64_STANDARD", "1.33", "2025-05-19", "6.1", "high")]
    [InlineData("al2023", "AL2023_x86_64_STANDARD", "1.33", "2025-09-01", "6.12", "high")]
    [InlineData("al2023", "AL2023_x86_64_STANDARD", "1.33", "2025-07-31", "6.1", "high")]
    [InlineData("al2023", "AL2023_x86_64_STANDARD", "1.33", "2025-08-01", "6.12", "high")]
    [InlineData("al2023", "AL2023_ARM_64_STANDARD", "1.33", "2025-08-07", "6.12", "high")]
    [InlineData("al2023", "AL2023_x86_64_NEURON", "1.36", "2026-07-14", "6.18", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_x86_64", "1.22", null, "5.10", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_ARM_64", "1.26", null, "5.15", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_x86_64", "1.30", null, "6.1", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_x86_64_FIPS", "1.33", null, "6.1", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_x86_64_NVIDIA", "1.33", null, "6.12", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_x86_64_FIPS", "1.36", null, "6.12", "high")]
    [InlineData("bottlerocket", "BOTTLEROCKET_x86_64", "1.36", null, "6.18", "high")]
    public void KernelFor_FamilyKubernetesRelease_GivesSeriesFromTheChangelogTables(string family, string amiType, string k8s, string? date, string kernel, string confidence)
    {
        var answer = Catalog.KernelFor(new AmiKernelQuery
        {
            Family = family,
            AmiType = amiType,
            KubernetesMinor = k8s,
            ReleaseDate = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.NotNull(answer);
        Assert.Equal((kernel, confidence), (answer.Kernel, answer.Confidence));
        Assert.False(string.IsNullOrEmpty(answer.Source));
    }

    [Fact]
    public void KernelFor_Al2OnKubernetes133_IsAKnownGapWithoutKernel()
    {
        var answer = Catalog.KernelFor(new AmiKernelQuery { Family = "al2", AmiType = "AL2_x86_64", KubernetesMinor = "1.33" });
        Assert.NotNull(answer);
        Assert.Null(answer.Kernel);
        Assert.Contains("1.33", answer.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void KernelFor_DateBoundRuleWithoutDate_LowersConfidence()
    {
        var answer = Catalog.KernelFor(new AmiKernelQuery { Family = "al2", AmiType = "AL2_x86_64", KubernetesMinor = "1.30" });
        Assert.Equal(("5.10", Confidences.Low), (answer!.Kernel, answer.Confidence));
    }

    [Fact]
    public void ReleaseParameterFor_Al2023AndBottlerocket_FillsKubernetesVersion()
    {
        Assert.Equal("/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/release_version",
            Catalog.ReleaseParameterFor("AL2023_x86_64_STANDARD", "1.31"));
        Assert.Equal("/aws/service/bottlerocket/aws-k8s-1.30/x86_64/latest/image_version",
            Catalog.ReleaseParameterFor("BOTTLEROCKET_x86_64", "1.30"));
    }

    [Theory]
    [InlineData("1.29.0-20240110", null, "1.29", "2024-01-10", null, null)]
    [InlineData("1.31.2-20241121", "al2023", "1.31", "2024-11-21", null, null)]
    [InlineData("v20240110", null, null, "2024-01-10", null, null)]
    [InlineData("1.20.3", "bottlerocket", null, null, "1.20.3", null)]
    [InlineData("ami-0abcdef1234567890", "custom", null, null, null, "ami-0abcdef1234567890")]
    [InlineData("2024.09.10", "windows", null, "2024-09-10", null, null)]
    public void AmiReleaseParse_ReleaseFormats_ReadsParts(string text, string? family, string? k8s, string? date, string? bottlerocket, string? amiId)
    {
        var r = AmiRelease.Parse(text, family);
        Assert.NotNull(r);
        Assert.Equal(k8s, r.KubernetesMinor);
        Assert.Equal(date, r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(bottlerocket, r.BottlerocketVersion);
        Assert.Equal(amiId, r.AmiId);
    }

    [Theory]
    [InlineData("1.20.3", "al2")]
    [InlineData("latest; drop", null)]
    [InlineData("", null)]
    public void AmiReleaseParse_Unrecognised_ReturnsNull(string text, string? family)
    {
        Assert.Null(AmiRelease.Parse(text, family));
    }

    [Theory]
    [InlineData("amazon-eks-node-al2023-x86_64-standard-1.31-v20241121", "al2023", "AL2023_x86_64_STANDARD", "1.31", "2024-11-21")]
    [InlineData("amazon-eks-node-al2023-arm64-nvidia-1.32-v20250501", "al2023", "AL2023_ARM_64_NVIDIA", "1.32", "2025-05-01")]
    [InlineData("amazon-eks-node-1.29-v20240110", "al2", "AL2_x86_64", "1.29", "2024-01-10")]
    [InlineData("amazon-eks-gpu-node-1.28-v20240110", "al2", "AL2_x86_64_GPU", "1.28", "2024-01-10")]
    [InlineData("amazon-eks-arm64-node-1.30-v20250212", "al2", "AL2_ARM_64", "1.30", "2025-02-12")]
    [InlineData("bottlerocket-aws-k8s-1.30-x86_64-v1.20.3-5d9ac849", "bottlerocket", "BOTTLEROCKET_x86_64", "1.30", null)]
    [InlineData("bottlerocket-aws-k8s-1.30-nvidia-aarch64-v1.20.3-5d9ac849", "bottlerocket", "BOTTLEROCKET_ARM_64_NVIDIA", "1.30", null)]
    [InlineData("bottlerocket-aws-k8s-1.31-fips-x86_64-v1.26.1-943d9a41", "bottlerocket", "BOTTLEROCKET_x86_64_FIPS", "1.31", null)]
    [InlineData("Windows_Server-2022-English-Core-EKS_Optimized-1.30-2024.09.10", "windows", "WINDOWS_CORE_2022_x86_64", "1.30", "2024-09-10")]
    public void AmiNameParse_EksAmiNames_ReadFamilyTypeAndVersion(string name, string family, string amiType, string k8s, string? date)
    {
        var n = AmiName.Parse(name);
        Assert.NotNull(n);
        Assert.Equal((family, amiType, k8s), (n.Family, n.AmiType, n.KubernetesMinor));
        Assert.Equal(date, n.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(Catalog.Entry(n.AmiType));
    }

    [Fact]
    public void AmiNameParse_BottlerocketName_KeepsImageVersion()
    {
        Assert.Equal("1.20.3", AmiName.Parse("bottlerocket-aws-k8s-1.30-x86_64-v1.20.3-5d9ac849")!.BottlerocketVersion);
        Assert.Null(AmiName.Parse("my-golden-image-2024"));
    }

    [Fact]
    public void Parse_TargetOnOtherArchitecture_Throws()
    {
        const string json = """
            { "version": 1, "sources": { "S": "s" }, "families": [ { "id": "al2", "name": "AL2", "platform": "linux" } ],
              "amiTypes": [ { "amiType": "A", "family": "al2", "arch": "x86_64", "variant": "v", "target": "B" },
                            { "amiType": "B", "family": "al2", "arch": "arm64", "variant": "v" } ],
              "kernels": [ { "family": "al2", "kernel": "5.10.1", "confidence": "high", "evidence": "e", "source": "NOPE" } ] }
            """;
        var e = Assert.Throws<CorrelationDataException>(() => AmiCatalog.Parse(json));
        Assert.Contains("another architecture", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be a series", e.Message, StringComparison.Ordinal);
        Assert.Contains("source 'NOPE'", e.Message, StringComparison.Ordinal);
    }
}
