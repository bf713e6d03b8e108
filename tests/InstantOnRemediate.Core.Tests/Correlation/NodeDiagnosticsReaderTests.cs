using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class NodeDiagnosticsReaderTests
{
    /// <summary>Output of infra/ssm/node-diagnostics.yaml on an EKS AL2 node without CRIU (shape as the script prints it).</summary>
    public const string Al2Output = """
        {"schema":"instanton-remediate.node-diagnostics/1","kernel":"5.10.226-214.880.amzn2.x86_64","machine":"x86_64","yama":{"ptraceScope":"1"},"lsm":{"selinux":"disabled","apparmor":"absent","active":"capability,yama"},"seccomp":{"filter":true,"actions":"kill_process,kill_thread,trap,errno,user_notif,trace,log,allow"},"capabilities":{"lastCap":40},"cgroup":"v1","nsLastPid":true,"criu":{"path":null,"version":null},"features":{"ptrace-get-rseq-conf":{"supported":false,"by":"kernel-version"},"cap-checkpoint-restore":{"supported":true,"by":"proc"},"time-namespace":{"supported":true,"by":"proc"},"clone3-set-tid":{"supported":true,"by":"kernel-version"},"rseq":{"supported":true,"by":"kernel-version"}}}
        """;

    [Fact]
    public void Read_DiagnosticsOutput_FactsAndOnlyDirectlyTestedFeatures()
    {
        var reading = NodeDiagnosticsReader.Read(Al2Output + "\n", KernelFeatureMatrix.Default);

        var d = Assert.IsType<NodeDiagnostics>(reading.Diagnostics);
        Assert.Null(reading.Problem);
        Assert.Equal(("5.10.226-214.880.amzn2.x86_64", "x86_64", 1, "disabled", "absent"), (d.Kernel, d.Machine, d.YamaPtraceScope, d.SeLinux, d.AppArmor));
        Assert.Equal((true, 40, "v1", null), (d.SeccompFilter, d.CapLastCap, d.Cgroup, d.CriuPath));
        Assert.Equal(new Dictionary<string, bool> { ["cap-checkpoint-restore"] = true, ["time-namespace"] = true }, d.ProbedFeatures);
        Assert.Equal(new ReportedFeature(false, FeatureProbes.KernelVersion), d.Features["ptrace-get-rseq-conf"]);
    }

    [Fact]
    public void Read_CriuCheckAnswer_IsAProbedFeature()
    {
        var output = Al2Output.Replace("""{"path":null,"version":null}""", """{"path":"/usr/sbin/criu","version":"4.1"}""", StringComparison.Ordinal)
            .Replace("""{"supported":false,"by":"kernel-version"}""", """{"supported":true,"by":"criu-check"}""", StringComparison.Ordinal);

        var d = NodeDiagnosticsReader.Read(output, KernelFeatureMatrix.Default).Diagnostics!;

        Assert.True(d.ProbedFeatures["ptrace-get-rseq-conf"]);
        Assert.Equal(("/usr/sbin/criu", "4.1"), (d.CriuPath, d.CriuVersion));
    }

    [Fact]
    public void Read_UnknownFeaturesAndOddValues_AreDropped()
    {
        var output = Al2Output.Replace("\"yama\":{\"ptraceScope\":\"1\"}", "\"yama\":{\"ptraceScope\":\"7\"}", StringComparison.Ordinal)
            .Replace("\"features\":{", "\"features\":{\"made-up\":{\"supported\":true,\"by\":\"proc\"},\"rseq-x\":7,", StringComparison.Ordinal)
            .Replace("\"selinux\":\"disabled\"", "\"selinux\":\"$(reboot)\"", StringComparison.Ordinal);

        var d = NodeDiagnosticsReader.Read(output, KernelFeatureMatrix.Default).Diagnostics!;

        Assert.Equal((null, null), (d.YamaPtraceScope, d.SeLinux));
        Assert.DoesNotContain("made-up", d.Features.Keys);
        Assert.Equal(5, d.Features.Count);
    }

    public static TheoryData<string, string> Unreadable() => new()
    {
        { "", "the document printed nothing" },
        { "kernel=5.10.226-214.880.amzn2.x86_64\nget_rseq_conf=unsupported\n", "not one JSON document" },
        { """{"schema":"instanton-remediate.node-diagnostics/1","kernel":"5.10.226" """, "not one JSON document" },
        { "[1,2,3]", "not a JSON object" },
        { """{"schema":"something-else/1","kernel":"5.10.226"}""", "schema is not instanton-remediate.node-diagnostics/1" },
        { """{"schema":"instanton-remediate.node-diagnostics/1","kernel":"$(reboot)"}""", "no kernel release" },
        { """{"schema":"instanton-remediate.node-diagnostics/1","kernel":5}""", "no kernel release" },
        { Al2Output + Al2Output, "not one JSON document" },
        { """{"a":{"b":{"c":{"d":{"e":{"f":{"g":{}}}}}}}}""", "not one JSON document" },
        { new string(' ', 10) + "{\"x\":\"" + new string('a', 20_000) + "\"}", "characters, more than the 16384" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Read_UnreadableOutput_IsAResultNamingWhy(string stdout, string why)
    {
        var reading = NodeDiagnosticsReader.Read(stdout, KernelFeatureMatrix.Default);

        Assert.Null(reading.Diagnostics);
        Assert.StartsWith("probe output unreadable: ", reading.Problem, StringComparison.Ordinal);
        Assert.Contains(why, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ProbedNodeDiagnostics_OverrideTheAmiCatalogWithHighConfidence()
    {
        var d = NodeDiagnosticsReader.Read(Al2Output, KernelFeatureMatrix.Default).Diagnostics!;
        var nodegroup = new NodegroupInventory
        {
            Name = "ng-al2",
            AmiType = "AL2_x86_64",
            ReleaseVersion = "1.30.9-20250212",
            Instances = [new InstanceRef { InstanceId = "i-0123456789abcdef0", Kernel = d.Kernel, KernelFeatures = d.ProbedFeatures }],
        };

        var assessed = NodegroupAssessor.Default.Assess(nodegroup);

        Assert.Equal(("5.10.226-214.880.amzn2.x86_64", KernelSources.SsmProbe), (assessed.Kernel, assessed.KernelSource));
        Assert.False(assessed.Compatible);
        Assert.Contains("ptrace-get-rseq-conf", assessed.Missing);
    }
}
