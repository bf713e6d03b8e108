using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class CauseRefinerTests
{
    private const string Signal11 = "Error (criu/cr-restore.c:2593): 9 killed by signal 11: Segmentation fault";

    private static Finding Failure(string cause, string remedy, params string[] evidence) => new()
    {
        Id = "f1",
        Verdict = Verdicts.RestoreFailure,
        Cause = cause,
        Remedy = remedy,
        Node = "ip-192-168-12-34.us-west-2.compute.internal",
        Evidence = evidence,
        Fix = "catalog fix",
        Explanation = "catalog explanation",
    };

    [Theory]
    [InlineData("rseq-criu-unaware", "image", "5.10.226-214.880.amzn2.x86_64", "rseq-ptrace-unsupported", "node-kernel", true)]
    [InlineData("rseq-ptrace-unsupported", "node-kernel", "5.10", "rseq-ptrace-unsupported", "node-kernel", false)]
    [InlineData("rseq-ptrace-unsupported", "node-kernel", "6.1.115-126.197.amzn2023.x86_64", "rseq-criu-unaware", "image", true)]
    [InlineData("rseq-criu-unaware", "image", "5.14.0-570.78.1.el9_6.ppc64le", "rseq-criu-unaware", "image", false)]
    [InlineData("rseq-criu-unaware", "image", "4.18.0-553.el8_10.x86_64", "rseq-criu-unaware", "image", false)]
    public void Refine_Signal11Restore_DependsOnPtraceGetRseqConf(string cause, string remedy, string kernel, string expectedCause, string expectedRemedy, bool changed)
    {
        var result = CauseRefiner.Default.Refine(Failure(cause, remedy, Signal11), kernel);

        Assert.Equal((expectedCause, expectedRemedy, changed), (result.Finding.Cause, result.Finding.Remedy, result.Changed));
        Assert.Contains("PTRACE_GET_RSEQ_CONFIGURATION", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Refine_Signal11OnAl2_SetsNodeKernelFixAndKeepsEvidence()
    {
        var result = CauseRefiner.Default.Refine(Failure("rseq-criu-unaware", "image", Signal11), "5.10.226-214.880.amzn2.x86_64");
        Assert.Contains("5.13", result.Finding.Fix, StringComparison.Ordinal);
        Assert.Null(result.Finding.Explanation);
        Assert.Equal([Signal11], result.Finding.Evidence);
        Assert.Contains("rseq-criu-unaware (image) → rseq-ptrace-unsupported (node-kernel)", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Refine_ExplicitGetRseqConfLineOnNewKernel_KeepsCause()
    {
        var finding = Failure("rseq-ptrace-unsupported", "node-kernel", "Error (criu/cr-dump.c:1234): 7 has rseq but kernel lacks get_rseq_conf feature");
        var result = CauseRefiner.Default.Refine(finding, "6.1.128");
        Assert.False(result.Changed);
        Assert.Equal("rseq-ptrace-unsupported", result.Finding.Cause);
    }

    [Theory]
    [InlineData("5.4.265-176.364.amzn2.x86_64", "node-kernel", true)]
    [InlineData("4.14.336-257.562.amzn2.x86_64", "node-kernel", true)]
    [InlineData("5.10.226-214.880.amzn2.x86_64", "pod-spec", false)]
    [InlineData("6.1.128", "pod-spec", false)]
    public void Refine_MissingCapability_IsNodeKernelBelow59(string kernel, string remedy, bool changed)
    {
        var finding = Failure("missing-capability", "pod-spec", "CRIU needs to have the CAP_SYS_ADMIN or the CAP_CHECKPOINT_RESTORE capability: ");
        var result = CauseRefiner.Default.Refine(finding, kernel);
        Assert.Equal(("missing-capability", remedy, changed), (result.Finding.Cause, result.Finding.Remedy, result.Changed));
        if (changed)
        {
            Assert.Contains("CAP_CHECKPOINT_RESTORE", result.Finding.Fix, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("catalog fix", result.Finding.Fix);
        }
    }

    [Fact]
    public void Refine_UnknownCauseOnAl2_KeepsUnknownButNamesLikelyCause()
    {
        var finding = Failure("unknown", "unknown", "CWWKE0964E: Restoring the checkpoint server process failed.");
        var result = CauseRefiner.Default.Refine(finding, "5.10.226-214.880.amzn2.x86_64");
        Assert.Equal(("unknown", "unknown", false), (result.Finding.Cause, result.Finding.Remedy, result.Changed));
        Assert.Equal("rseq-ptrace-unsupported", result.LikelyCause);
        Assert.Contains("Likely cause: rseq-ptrace-unsupported", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Refine_UnknownCauseOnAl2023_HasNoLikelyCause()
    {
        var result = CauseRefiner.Default.Refine(Failure("unknown", "unknown", "x"), "6.1.115-126.197.amzn2023.x86_64");
        Assert.Null(result.LikelyCause);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Refine_Clone3NsLastPidOnKernel54_IsNodeKernelButOn510StaysPodSpec()
    {
        var finding = Failure("seccomp-clone3-ns-last-pid", "pod-spec", "Can't open -1/sys/kernel/ns_last_pid on procfs: Read-only file system");
        Assert.Equal("node-kernel", CauseRefiner.Default.Refine(finding, "5.4.0").Finding.Remedy);
        Assert.Equal("pod-spec", CauseRefiner.Default.Refine(finding, "5.10.226-214.880.amzn2.x86_64").Finding.Remedy);
    }

    [Fact]
    public void Refine_KernelUnknown_KeepsFindingAndSaysWhy()
    {
        var finding = Failure("rseq-criu-unaware", "image", Signal11);
        var result = CauseRefiner.Default.Refine(finding, (string?)null);
        Assert.Same(finding, result.Finding);
        Assert.Contains("unknown", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Refine_SuccessOrImageCause_IsUntouched()
    {
        var success = Failure("none", "none") with { Verdict = Verdicts.RestoreSuccess };
        Assert.False(CauseRefiner.Default.Refine(success, "5.10").Changed);
        var image = Failure("file-mismatch", "image", "File /x has bad size 1 (expect 2)");
        var result = CauseRefiner.Default.Refine(image, "5.10");
        Assert.False(result.Changed);
        Assert.Contains("does not depend on the node kernel", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Refine_ProbeShowsBackportOnAl2_Signal11IsCriuUnaware()
    {
        var probe = KernelEvidence.FromProbe("5.10.226-214.880.amzn2.x86_64", new Dictionary<string, bool> { ["ptrace-get-rseq-conf"] = true });
        var result = CauseRefiner.Default.Refine(Failure("rseq-ptrace-unsupported", "node-kernel", Signal11), probe);
        Assert.Equal(("rseq-criu-unaware", "image"), (result.Finding.Cause, result.Finding.Remedy));
    }
}
