using System.Text.Json;
using InstantOnRemediate.Cli;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

public sealed class AuditCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> BothClustersFileAsync()
    {
        var prod = await File.ReadAllTextAsync(RepoPaths.Event("inventory", "prod-eks.json"));
        var staging = await File.ReadAllTextAsync(RepoPaths.Event("inventory", "staging-eks.json"));
        var path = Path.Combine(Path.GetTempPath(), $"clusters-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, $"[{prod},{staging}]");
        return path;
    }

    [Fact]
    public async Task Audit_DemoInventoryJson_ReportsEveryNodegroupWithWhyAndTarget()
    {
        var (code, output, _) = await RunAsync("audit", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal((2, 1, 1, 0), (summary.GetProperty("nodegroups").GetInt32(), summary.GetProperty("compatible").GetInt32(),
            summary.GetProperty("incompatible").GetInt32(), summary.GetProperty("unknown").GetInt32()));
        var al2 = doc.RootElement.GetProperty("nodegroups").EnumerateArray().Single(n => n.GetProperty("nodegroup").GetString() == "ng-al2-general");
        Assert.Equal(("incompatible", "al2", "AL2023_x86_64_STANDARD", "6.1"),
            (al2.GetProperty("status").GetString(), al2.GetProperty("amiFamily").GetString(), al2.GetProperty("targetAmiType").GetString(), al2.GetProperty("targetKernel").GetString()));
        var missing = al2.GetProperty("missing")[0];
        Assert.Equal(("ptrace-get-rseq-conf", "5.13"), (missing.GetProperty("id").GetString(), missing.GetProperty("minimum").GetString()));
        Assert.Contains("PTRACE_GET_RSEQ_CONFIGURATION", al2.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TwoClustersSelectedFromOneFile_ListsOnlyThose()
    {
        var file = await BothClustersFileAsync();
        try
        {
            var (all, allOut, _) = await RunAsync("audit", "--inventory", file, "--json");
            var (one, oneOut, _) = await RunAsync("audit", "--inventory", file, "--cluster", "staging-eks", "--json");

            Assert.Equal((0, 0), (all, one));
            using var allDoc = JsonDocument.Parse(allOut);
            using var oneDoc = JsonDocument.Parse(oneOut);
            Assert.Equal(4, allDoc.RootElement.GetProperty("summary").GetProperty("nodegroups").GetInt32());
            Assert.All(oneDoc.RootElement.GetProperty("nodegroups").EnumerateArray(), n => Assert.Equal("staging-eks", n.GetProperty("cluster").GetString()));
            Assert.Equal(2, oneDoc.RootElement.GetProperty("nodegroups").GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Audit_HumanText_TableWithMinimumKernelAndReasons()
    {
        var (code, output, _) = await RunAsync("audit", "--inventory", RepoPaths.Event("inventory", "staging-eks.json"));

        Assert.Equal(0, code);
        Assert.StartsWith("InstantOn compatibility audit: 2 node group(s): 1 compatible, 1 incompatible, 0 unknown", output, StringComparison.Ordinal);
        var row = Assert.Single(output.Split('\n'), l => l.StartsWith("staging-eks  ng-al2-arm", StringComparison.Ordinal));
        Assert.Contains("ptrace-get-rseq-conf (≥5.13)", row, StringComparison.Ordinal);
        Assert.Contains("AL2023_ARM_64_STANDARD (kernel 6.1)", row, StringComparison.Ordinal);
        Assert.Contains("staging-eks/ng-al2-arm: Kernel 5.10.245-241.978.amzn2.aarch64 (ssm-probe)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_AwsWithoutCluster_Exits2()
    {
        var (code, _, err) = await RunAsync("audit", "--aws");
        Assert.Equal(2, code);
        Assert.Contains("--cluster", err, StringComparison.Ordinal);
    }
}
