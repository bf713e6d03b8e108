using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class KernelFeatureMatrixTests
{
    private static readonly KernelFeatureMatrix Matrix = KernelFeatureMatrix.Default;

    [Fact]
    public void Default_ShippedFile_LoadsWithTheKernelMinimumsFromTheFacts()
    {
        var minimums = Matrix.Features.ToDictionary(f => f.Id, f => f.UpstreamMinimum);
        Assert.Equal("5.13", minimums["ptrace-get-rseq-conf"]);
        Assert.Equal("5.9", minimums["cap-checkpoint-restore"]);
        Assert.Equal("5.5", minimums["clone3-set-tid"]);
        Assert.Equal("4.18", minimums["rseq"]);
        Assert.Equal("5.6", minimums["time-namespace"]);
        Assert.Equal("5.14", minimums["so-buf-lock"]);
        Assert.True(Matrix.Feature("so-buf-lock").Benign);
        Assert.All(Matrix.Features, f => Assert.NotEmpty(f.Sources));
        Assert.Equal("instanton-restore", Matrix.DefaultProfile.Id);
    }

    [Theory]
    [InlineData("rseq-ptrace-unsupported", "ptrace-get-rseq-conf")]
    [InlineData("rseq-criu-unaware", "ptrace-get-rseq-conf")]
    [InlineData("missing-capability", "cap-checkpoint-restore")]
    [InlineData("seccomp-clone3-ns-last-pid", "clone3-set-tid")]
    public void FeaturesFor_KernelRelatedCause_NamesRequiredFeature(string cause, string feature)
    {
        Assert.Contains(feature, Matrix.FeaturesFor(cause));
    }

    [Fact]
    public void FeaturesFor_ImageCause_IsEmpty()
    {
        Assert.Empty(Matrix.FeaturesFor("file-mismatch"));
    }

    [Theory]
    [InlineData("4.18.0-553.el8_10.x86_64", true)]
    [InlineData("4.18.0-553.27.1.el9.x86_64", false)]
    [InlineData("5.10.226-214.880.amzn2.x86_64", false)]
    [InlineData("5.13.0", true)]
    [InlineData("6.1.115-126.197.amzn2023.x86_64", true)]
    public void Supports_PtraceGetRseqConf_HonoursUpstreamMinimumAndRhel8Backport(string kernel, bool expected)
    {
        var support = Matrix.Supports(new KernelEvidence { Kernel = kernel, Source = KernelSources.SsmProbe }, "ptrace-get-rseq-conf");
        Assert.Equal(expected, support.Supported);
    }

    [Fact]
    public void Supports_ProbeSaysSupportedOnAl2_OverridesTheVersionRule()
    {
        var probed = KernelEvidence.FromProbe("5.10.226-214.880.amzn2.x86_64", new Dictionary<string, bool> { ["ptrace-get-rseq-conf"] = true });
        Assert.True(Matrix.Supports(probed, "ptrace-get-rseq-conf").Supported);
    }

    [Fact]
    public void Supports_Al2Without_Probe_SaysBackportUnverified()
    {
        var support = Matrix.Supports(new KernelEvidence { Kernel = "5.10", Distro = KernelDistros.Amzn2 }, "ptrace-get-rseq-conf");
        Assert.False(support.Supported);
        Assert.Contains("unverified", support.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFeatureInProfile_ThrowsNamingIt()
    {
        const string json = """
            { "version": 1, "features": [ { "id": "rseq", "name": "rseq", "description": "d", "upstreamMinimum": "4.18", "confidence": "high", "sources": ["s"] } ],
              "profiles": [ { "id": "p", "description": "d", "features": [ "rseq", "time-travel" ] } ],
              "defaultProfile": "p", "causeRequirements": [] }
            """;
        var e = Assert.Throws<CorrelationDataException>(() => KernelFeatureMatrix.Parse(json, "test.json"));
        Assert.Contains("test.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown feature 'time-travel'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadMinimumAndBadRemedy_ReportsEveryProblem()
    {
        const string json = """
            { "version": 1, "features": [ { "id": "rseq", "name": "rseq", "description": "d", "upstreamMinimum": "four", "confidence": "high", "sources": ["s"] } ],
              "profiles": [ { "id": "p", "description": "d", "features": [ "rseq" ] } ], "defaultProfile": "p",
              "causeRequirements": [ { "causes": ["x"], "features": ["rseq"], "whenMissing": { "remedy": "reboot" }, "note": "n" } ] }
            """;
        var e = Assert.Throws<CorrelationDataException>(() => KernelFeatureMatrix.Parse(json));
        Assert.Contains("upstreamMinimum 'four'", e.Message, StringComparison.Ordinal);
        Assert.Contains("remedy 'reboot'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ThrowsCorrelationDataException()
    {
        Assert.Throws<CorrelationDataException>(() => KernelFeatureMatrix.Parse("{ nope"));
    }
}
