using System.Text.Json;
using InstantOnRemediate.Cli;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

public sealed class InventoryCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Inventory_DemoSnapshotJson_HasContractFieldsAndSeedVerdicts()
    {
        var (code, output, _) = await RunAsync("inventory", "--cluster", "prod-eks", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("prod-eks", doc.RootElement.GetProperty("cluster").GetString());
        var groups = doc.RootElement.GetProperty("nodegroups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!);
        var al2 = groups["ng-al2-general"];
        Assert.Equal(("AL2_x86_64", "1.30.9-20250212", "al2", "5.10", "ami-catalog"),
            (al2.GetProperty("amiType").GetString(), al2.GetProperty("releaseVersion").GetString(), al2.GetProperty("amiFamily").GetString(),
             al2.GetProperty("kernel").GetString(), al2.GetProperty("kernelSource").GetString()));
        Assert.False(al2.GetProperty("compatible").GetBoolean());
        Assert.Equal("ptrace-get-rseq-conf", al2.GetProperty("missing")[0].GetString());
        var instance = al2.GetProperty("instances")[0];
        Assert.Equal(("i-0a1b2c3d4e5f60718", "ip-192-168-12-34.us-west-2.compute.internal"),
            (instance.GetProperty("instanceId").GetString(), instance.GetProperty("node").GetString()));
        Assert.True(instance.TryGetProperty("amiId", out _));
        Assert.True(groups["ng-al2023-general"].GetProperty("compatible").GetBoolean());
        Assert.Equal(2, groups["ng-al2023-general"].GetProperty("instances").GetArrayLength());
    }

    [Fact]
    public async Task Inventory_SavedJsonReplayedWithInventoryFile_GivesTheSameSnapshot()
    {
        var (_, first, _) = await RunAsync("inventory", "--cluster", "prod-eks", "--json");
        var saved = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(saved, first);
        try
        {
            var (code, replayed, _) = await RunAsync("inventory", "--cluster", "prod-eks", "--inventory", saved, "--json");
            Assert.Equal(0, code);
            Assert.Equal(first, replayed);
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [Fact]
    public async Task Inventory_HumanText_IsATableNamingVerdictAndTarget()
    {
        var (code, output, _) = await RunAsync("inventory", "--cluster", "prod-eks");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("NODEGROUP ", StringComparison.Ordinal) && l.Contains("INSTANTON", StringComparison.Ordinal));
        var al2 = Assert.Single(lines, l => l.StartsWith("ng-al2-general ", StringComparison.Ordinal) && l.Contains("AL2_x86_64", StringComparison.Ordinal));
        Assert.Contains("NO (medium)", al2, StringComparison.Ordinal);
        Assert.Contains("AL2023_x86_64_STANDARD", al2, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("i-0a1b2c3d4e5f60718", StringComparison.Ordinal) && l.Contains("ip-192-168-12-34", StringComparison.Ordinal));
        Assert.Contains("5.13", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_StagingFile_ShowsProbedKernel()
    {
        var (code, output, _) = await RunAsync("inventory", "--cluster", "staging-eks", "--inventory", RepoPaths.Event("inventory", "staging-eks.json"));
        Assert.Equal(0, code);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("ng-al2-arm ", StringComparison.Ordinal) && l.Contains("ssm-probe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "inventory" }, "--cluster")]
    [InlineData(new[] { "inventory", "--cluster", "nope" }, "has no cluster 'nope'")]
    [InlineData(new[] { "inventory", "--cluster", "prod-eks", "--inventory", "/nonexistent/inv.json" }, "cannot read inventory")]
    [InlineData(new[] { "inventory", "--cluster", "prod-eks", "--aws", "--inventory", "x.json" }, "not both")]
    [InlineData(new[] { "inventory", "--cluster", "prod eks; rm -rf /", "--aws" }, "is not an EKS cluster name")]
    [InlineData(new[] { "inventory", "--cluster", "-prod", "--aws" }, "is not an EKS cluster name")]
    [InlineData(new[] { "inventory", "--cluster", "prod-eks", "--bogus" }, "unknown option")]
    public async Task Inventory_BadUsage_Exits2WithOneLineReason(string[] args, string reason)
    {
        var (code, _, err) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(reason, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Inventory_MalformedFile_Exits2()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, "{ \"nodegroups\": [ ");
        try
        {
            var (code, _, err) = await RunAsync("inventory", "--cluster", "prod-eks", "--inventory", bad);
            Assert.Equal(2, code);
            Assert.Contains("not a valid inventory snapshot", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
