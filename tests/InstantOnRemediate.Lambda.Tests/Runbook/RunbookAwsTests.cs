using System.IO.Compression;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Runbook;

/// <summary>
/// End to end against moto_server (EKS, EC2, DynamoDB state): detect plans a new AL2023 node group awaiting approval,
/// the on-call approves it with runbook apply, it is created in EKS, the audit names approver and reason, and
/// rollback with deleteCreatedNodegroup deletes it again.
/// </summary>
[Collection(RunbookAwsCollection.Name)]
public sealed class RunbookAwsTests : IDisposable
{
    private const string SampleNode = "ip-192-168-12-34.us-west-2.compute.internal";
    private readonly RunbookAwsEnvironment aws;
    private readonly string? savedEndpoint;
    // recommend: detect carries out nothing by itself (no cooldown starts), so the plan still offers the new node
    // group, and the person's approval is what makes it happen.
    private readonly FunctionOptions options = new() { Mode = "recommend", UseAws = true, Now = RunbookBench.Now };
    private readonly ServiceSettings settings = new()
    {
        StateTable = RunbookAwsEnvironment.StateTable, Policy = RunbookBench.LowThresholdPolicy, Clusters = [RunbookAwsEnvironment.Cluster],
    };

    public RunbookAwsTests(RunbookAwsEnvironment aws)
    {
        this.aws = aws;
        savedEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", aws.Moto.Endpoint.ToString().TrimEnd('/'));
    }

    [Fact]
    public async Task ApplyThenRollback_CreateNodegroup_ApprovedCreatedAuditedAndDeleted()
    {
        var detect = await InvokeAsync(HandlerNames.Detect, DetectEvent());
        var awaiting = RunbookBench.AwaitingCreate(detect);
        var id = awaiting.GetProperty("id").GetString()!;
        var created = awaiting.GetProperty("parameters").GetProperty("nodegroupName").GetString()!;

        var plan = await InvokeAsync(HandlerNames.Runbook, $$"""{"action":"plan","cluster":"prod-eks"}""");
        Assert.Equal(id, RunbookBench.AwaitingCreate(plan).GetProperty("id").GetString());

        var apply = await InvokeAsync(HandlerNames.Runbook, $$"""{"action":"apply","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"AL2 cannot restore InstantOn; add an AL2023 group"}""");
        Assert.True(apply.GetProperty("status").GetString() == "ok", apply.GetProperty("summary").GetString());
        Assert.Equal("executed", apply.GetProperty("result").GetProperty("action").GetProperty("status").GetString());
        Assert.Contains(created, await aws.NodegroupsAsync());

        var again = await InvokeAsync(HandlerNames.Runbook, $$"""{"action":"apply","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"approve twice"}""");
        Assert.Equal("rejected", again.GetProperty("status").GetString());

        var status = await InvokeAsync(HandlerNames.Runbook, """{"action":"status","cluster":"prod-eks"}""");
        var audit = status.GetProperty("report").GetProperty("recentAudit").EnumerateArray().ToList();
        Assert.Contains(audit, a => a.GetProperty("what").GetString() == "eks-create-nodegroup approved" && a.GetProperty("who").GetString() == "oncall@example.com"
            && a.GetProperty("why").GetString() == "AL2 cannot restore InstantOn; add an AL2023 group");
        Assert.Contains(audit, a => a.GetProperty("what").GetString() == "eks-create-nodegroup executed" && a.GetProperty("actionId").GetString() == id);
        Assert.Contains(status.GetProperty("report").GetProperty("inFlight").EnumerateArray(), a => a.GetProperty("actionId").GetString() == id);

        var kept = await InvokeAsync(HandlerNames.Runbook, $$"""{"action":"rollback","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"undo without deleting"}""");
        Assert.Equal("rejected", kept.GetProperty("status").GetString());
        Assert.Contains(created, await aws.NodegroupsAsync());

        var rollback = await InvokeAsync(HandlerNames.Runbook, $$"""{"action":"rollback","actionId":"{{id}}","approvedBy":"lead@example.com","reason":"workload moved elsewhere","deleteCreatedNodegroup":true}""");
        Assert.True(rollback.GetProperty("status").GetString() == "ok", rollback.GetProperty("summary").GetString());
        Assert.DoesNotContain(created, await aws.NodegroupsAsync());
        Assert.Contains(RunbookAwsEnvironment.Nodegroup, await aws.NodegroupsAsync());

        var after = await InvokeAsync(HandlerNames.Runbook, """{"action":"status","cluster":"prod-eks"}""");
        Assert.DoesNotContain(after.GetProperty("report").GetProperty("inFlight").EnumerateArray(), a => a.GetProperty("actionId").GetString() == id);
        Assert.Contains(after.GetProperty("report").GetProperty("recentAudit").EnumerateArray(),
            a => a.GetProperty("what").GetString() == "eks-create-nodegroup rollback executed" && a.GetProperty("who").GetString() == "lead@example.com");
    }

    [Fact]
    public async Task Diagnose_AgainstAws_ReadsInventoryAndSearchesTheContainerLogGroup()
    {
        var root = await InvokeAsync(HandlerNames.Runbook, $$"""{"action":"diagnose","cluster":"prod-eks","node":"{{aws.Node}}"}""");

        Assert.Equal("ok", root.GetProperty("status").GetString());
        var group = Assert.Single(root.GetProperty("diagnosis").GetProperty("nodegroups").EnumerateArray(), g => g.GetProperty("name").GetString() == RunbookAwsEnvironment.Nodegroup);
        Assert.False(group.GetProperty("compatible").GetBoolean());
        // moto has no such log group: the search is reported, the diagnosis stands on inventory and state.
        var logs = root.GetProperty("diagnosis").GetProperty("logs");
        var notes = root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.True(logs.ValueKind == JsonValueKind.Object || notes.Exists(n => n.StartsWith("container logs could not be searched", StringComparison.Ordinal)), string.Join("\n", notes));
    }

    private async Task<JsonElement> InvokeAsync(string handlerName, string json)
    {
        var handler = FunctionFactory.Create(handlerName, options, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, settings);
        var bytes = await handler.HandleAsync(Encoding.UTF8.GetBytes(json), Handlers.HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    /// <summary>The shipped AL2 restore failure, moved onto moto's AL2 node.</summary>
    private string DetectEvent()
    {
        var decoded = File.ReadAllText(RepoPaths.Event("detect", "eks-rseq-al2.decoded.json")).Replace(SampleNode, aws.Node, StringComparison.Ordinal);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(decoded));
        }

        return "{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(compressed.ToArray()) + "\"}}";
    }

    public void Dispose() => Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", savedEndpoint);
}
