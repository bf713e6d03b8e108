using System.Text.Json;
using InstantOnRemediate.Cli;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// <c>inventory --aws</c> and <c>audit --aws</c> run in-process exactly as the built CLI, against moto_server through
/// the standard AWS environment (AWS_ENDPOINT_URL), with the shared client factory and the hand-written EKS client.
/// </summary>
[Collection(InventoryAwsCollection.Name)]
public sealed class InventoryAwsTests : IDisposable
{
    private static readonly string[] Variables = ["AWS_ENDPOINT_URL", "CLUSTERS"];

    private readonly InventoryAwsEnvironment aws;
    private readonly Dictionary<string, string?> saved;

    public InventoryAwsTests(InventoryAwsEnvironment aws)
    {
        this.aws = aws;
        saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", aws.Moto.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("CLUSTERS", null);
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Inventory_AwsAgainstMoto_JsonHasTheContractFields()
    {
        var (code, output, err) = await RunAsync("inventory", "--cluster", InventoryAwsEnvironment.Cluster, "--aws", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal((InventoryAwsEnvironment.Cluster, "us-east-1", "1.30"),
            (root.GetProperty("cluster").GetString(), root.GetProperty("region").GetString(), root.GetProperty("version").GetString()));
        var groups = root.GetProperty("nodegroups").EnumerateArray().ToList();
        Assert.Equal(["ng-al2-general", "ng-al2023-general"], groups.Select(g => g.GetProperty("name").GetString()));

        var al2 = groups[0];
        Assert.Equal(("AL2_x86_64", "1.30.9-20250212", "al2", "5.10", "ami-catalog"),
            (al2.GetProperty("amiType").GetString(), al2.GetProperty("releaseVersion").GetString(), al2.GetProperty("amiFamily").GetString(),
             al2.GetProperty("kernel").GetString(), al2.GetProperty("kernelSource").GetString()));
        Assert.False(al2.GetProperty("compatible").GetBoolean());
        Assert.Equal(["ptrace-get-rseq-conf"], al2.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        AssertInstances(al2, "ng-al2-general");

        var al2023 = groups[1];
        Assert.Equal(("AL2023_x86_64_STANDARD", "al2023", "6.1"),
            (al2023.GetProperty("amiType").GetString(), al2023.GetProperty("amiFamily").GetString(), al2023.GetProperty("kernel").GetString()));
        Assert.True(al2023.GetProperty("compatible").GetBoolean());
        Assert.Equal(0, al2023.GetProperty("missing").GetArrayLength());
        AssertInstances(al2023, "ng-al2023-general");
    }

    private void AssertInstances(JsonElement group, string name)
    {
        var (amiId, expected) = aws.Nodegroups[name];
        var instances = group.GetProperty("instances").EnumerateArray()
            .Select(i => (i.GetProperty("instanceId").GetString()!, i.GetProperty("node").GetString()!, i.GetProperty("amiId").GetString()!))
            .ToList();
        Assert.Equal(expected.Select(e => (e.InstanceId, e.Node, amiId)), instances);
    }

    [Fact]
    public async Task Inventory_AwsText_ShowsTheLiveTable()
    {
        var (code, output, err) = await RunAsync("inventory", "--cluster", InventoryAwsEnvironment.Cluster, "--aws");

        Assert.True(code == 0, err);
        Assert.StartsWith($"Cluster {InventoryAwsEnvironment.Cluster} (us-east-1, Kubernetes 1.30): 2 node group(s)", output, StringComparison.Ordinal);
        var node = aws.Nodegroups["ng-al2-general"].Instances[0].Node;
        Assert.Contains(output.Split('\n'), l => l.StartsWith("ng-al2-general ", StringComparison.Ordinal) && l.Contains(node, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_AwsClustersFromEnvironment_AuditsThoseClusters()
    {
        Environment.SetEnvironmentVariable("CLUSTERS", $" {InventoryAwsEnvironment.Cluster} ,");

        var (code, output, err) = await RunAsync("audit", "--aws", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal((2, 1, 1), (summary.GetProperty("nodegroups").GetInt32(), summary.GetProperty("compatible").GetInt32(), summary.GetProperty("incompatible").GetInt32()));
        Assert.All(doc.RootElement.GetProperty("nodegroups").EnumerateArray(), n => Assert.Equal(InventoryAwsEnvironment.Cluster, n.GetProperty("cluster").GetString()));
    }

    [Fact]
    public async Task Audit_AwsClusterOptionWinsOverEnvironment_UnknownClusterExits2()
    {
        Environment.SetEnvironmentVariable("CLUSTERS", InventoryAwsEnvironment.Cluster);

        var (code, _, err) = await RunAsync("audit", "--aws", "--cluster", "absent-eks");

        Assert.Equal(2, code);
        Assert.Equal("instanton-remediate: EKS cluster 'absent-eks' was not found in us-east-1", err.TrimEnd());
    }

    [Fact]
    public async Task Audit_AwsNoClusterAnywhere_Exits2NamingBothSources()
    {
        Environment.SetEnvironmentVariable("CLUSTERS", " , ");

        var (code, _, err) = await RunAsync("audit", "--aws");

        Assert.Equal(2, code);
        Assert.Contains("--cluster NAME", err, StringComparison.Ordinal);
        Assert.Contains("CLUSTERS=", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_AwsMalformedEndpoint_Exits2WithTheSetting()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "ftp://127.0.0.1");

        var (code, _, err) = await RunAsync("inventory", "--cluster", InventoryAwsEnvironment.Cluster, "--aws");

        Assert.Equal(2, code);
        Assert.Contains("AWS_ENDPOINT_URL", err, StringComparison.Ordinal);
    }
}
