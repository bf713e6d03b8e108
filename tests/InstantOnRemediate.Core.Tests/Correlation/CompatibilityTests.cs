using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class CompatibilityTests
{
    private static NodegroupInventory Al2 => new()
    {
        Name = "ng-al2-general",
        AmiType = "AL2_x86_64",
        ReleaseVersion = "1.30.9-20250212",
        KubernetesVersion = "1.30",
        Instances = [new InstanceRef { InstanceId = "i-0a1b2c3d4e5f60718", Node = "ip-192-168-12-34.us-west-2.compute.internal" }],
    };

    private static NodegroupInventory Al2023 => new()
    {
        Name = "ng-al2023-general",
        AmiType = "AL2023_x86_64_STANDARD",
        ReleaseVersion = "1.30.9-20250212",
        KubernetesVersion = "1.30",
    };

    [Fact]
    public void EvaluateForCause_Al2Kernel510AndRseqPtraceUnsupported_IsIncompatibleNamingFeatureAnd513()
    {
        var evidence = NodegroupAssessor.Default.KernelEvidenceFor(Al2);
        var verdict = CompatibilityEvaluator.Default.EvaluateForCause(evidence, "rseq-ptrace-unsupported");

        Assert.Equal(CompatibilityStatuses.Incompatible, verdict.Status);
        Assert.False(verdict.Compatible);
        var missing = Assert.Single(verdict.Missing);
        Assert.Equal(("ptrace-get-rseq-conf", "5.13"), (missing.Id, missing.Minimum));
        Assert.Equal(("5.10", KernelSources.AmiCatalog), (verdict.Kernel, verdict.KernelSource));
        Assert.Contains("5.13", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("PTRACE_GET_RSEQ_CONFIGURATION", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateForCause_Al2023Kernel61_IsCompatible()
    {
        var evidence = NodegroupAssessor.Default.KernelEvidenceFor(Al2023);
        var verdict = CompatibilityEvaluator.Default.EvaluateForCause(evidence, "rseq-ptrace-unsupported");

        Assert.Equal(("6.1", true), (verdict.Kernel, verdict.Compatible));
        Assert.Empty(verdict.Missing);
        Assert.Equal(Confidences.High, verdict.Confidence);
    }

    [Fact]
    public void Assess_Al2Nodegroup_IsIncompatibleWithAl2023Target()
    {
        var assessed = NodegroupAssessor.Default.Assess(Al2);

        Assert.Equal(("al2", "5.10", KernelSources.AmiCatalog), (assessed.AmiFamily, assessed.Kernel, assessed.KernelSource));
        Assert.False(assessed.Compatible);
        Assert.Equal(["ptrace-get-rseq-conf"], assessed.Missing);
        Assert.Equal("AL2023_x86_64_STANDARD", assessed.TargetAmiType);
        Assert.Equal(Confidences.Medium, assessed.Confidence);
    }

    [Fact]
    public void Assess_Al2WithProbeShowingBackport_IsCompatibleFromTheProbe()
    {
        var probed = Al2 with
        {
            Instances = [new InstanceRef
            {
                InstanceId = "i-0a1b2c3d4e5f60718",
                Kernel = "5.10.226-214.880.amzn2.x86_64",
                KernelFeatures = new Dictionary<string, bool> { ["ptrace-get-rseq-conf"] = true },
            }],
        };

        var assessed = NodegroupAssessor.Default.Assess(probed);

        Assert.Equal((true, KernelSources.SsmProbe, Confidences.High), (assessed.Compatible, assessed.KernelSource, assessed.Confidence));
        Assert.Equal("5.10.226-214.880.amzn2.x86_64", assessed.Kernel);
        Assert.Null(assessed.TargetAmiType);
    }

    [Fact]
    public void Assess_Al2Kubernetes123Kernel54_MissesCapCheckpointRestoreToo()
    {
        var old = Al2 with { ReleaseVersion = "1.23.17-20240110", KubernetesVersion = "1.23" };
        var assessed = NodegroupAssessor.Default.Assess(old);
        Assert.Equal("5.4", assessed.Kernel);
        Assert.Contains("cap-checkpoint-restore", assessed.Missing);
        Assert.Contains("ptrace-get-rseq-conf", assessed.Missing);
    }

    [Fact]
    public void Assess_CustomAmiWithEksAl2023Name_UsesNameAtLowConfidence()
    {
        var custom = new NodegroupInventory
        {
            Name = "ng-custom",
            AmiType = "CUSTOM",
            ReleaseVersion = "ami-0abcdef1234567890",
            Instances = [new InstanceRef { InstanceId = "i-1", AmiName = "amazon-eks-node-al2023-x86_64-standard-1.31-v20241121" }],
        };
        var assessed = NodegroupAssessor.Default.Assess(custom);
        Assert.Equal(("al2023", "6.1", true, Confidences.Low), (assessed.AmiFamily, assessed.Kernel, assessed.Compatible, assessed.Confidence));
    }

    [Fact]
    public void Assess_CustomAmiWithoutRecognisableName_IsUnknown()
    {
        var custom = new NodegroupInventory
        {
            Name = "ng-custom",
            AmiType = "CUSTOM",
            ReleaseVersion = "ami-0abcdef1234567890",
            Instances = [new InstanceRef { InstanceId = "i-1", AmiName = "acme-golden-2024-06" }],
        };
        var assessed = NodegroupAssessor.Default.Assess(custom);
        Assert.Null(assessed.Compatible);
        Assert.Equal(KernelSources.Unknown, assessed.KernelSource);
        Assert.Contains("Kernel unknown", assessed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WindowsNodegroup_IsIncompatibleWithoutMissingFeatures()
    {
        var windows = new NodegroupInventory { Name = "ng-win", AmiType = "WINDOWS_CORE_2022_x86_64", KubernetesVersion = "1.30" };
        var assessed = NodegroupAssessor.Default.Assess(windows);
        Assert.False(assessed.Compatible);
        Assert.Empty(assessed.Missing);
        Assert.Contains("Windows", assessed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_BottlerocketOnKubernetes122_IsIncompatibleAndBottlerocket130Compatible()
    {
        var old = NodegroupAssessor.Default.Assess(new NodegroupInventory { Name = "br", AmiType = "BOTTLEROCKET_x86_64", ReleaseVersion = "1.12.0", KubernetesVersion = "1.22" });
        var current = NodegroupAssessor.Default.Assess(new NodegroupInventory { Name = "br", AmiType = "BOTTLEROCKET_x86_64", ReleaseVersion = "1.20.3", KubernetesVersion = "1.30" });
        Assert.Equal(("5.10", false), (old.Kernel, old.Compatible));
        Assert.Equal(("6.1", true), (current.Kernel, current.Compatible));
    }
}
