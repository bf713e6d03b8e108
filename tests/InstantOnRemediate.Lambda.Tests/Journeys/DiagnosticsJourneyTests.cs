using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Lambda.Tests.Handlers;
using InstantOnRemediate.Lambda.Tests.Reconcile;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Journeys;

/// <summary>
/// An unknown cause, in enforce, against moto_server with the stack's documents deployed from infra/ssm: detect runs the
/// stack's own read-only diagnostics document on the failing node; reconcile follows the command to its end and reads
/// what the node printed; the node group's verdict changes from the AMI catalog's "can restore" to the node's "cannot"
/// (kernel 5.10 without PTRACE_GET_RSEQ_CONFIGURATION, from criu check), is recorded, audited, and used by the next
/// detect. moto runs no command and has no ListCommandInvocations: a loopback relay in front of it answers those two
/// reads with what SSM returns for a finished command (the node's output is the diagnostics document's JSON); every
/// other request, SendCommand included, reaches moto.
/// </summary>
[Collection(DiagnosticsJourneyCollection.Name)]
public sealed class DiagnosticsJourneyTests : IAsyncLifetime
{
    private const string Al2023Node = "ip-192-168-45-67.us-west-2.compute.internal";
    private const string Nodegroup = "ng-al2023-general";
    private const string Policy = """{"version":1,"actionModes":{"ssm-run-command":"enforce"},"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30}}""";

    /// <summary>What the diagnostics document prints on a node whose kernel CRIU finds without PTRACE_GET_RSEQ_CONFIGURATION.</summary>
    private const string NodeOutput = """{"schema":"instanton-remediate.node-diagnostics/1","kernel":"5.10.226-214.880.amzn2.x86_64","machine":"x86_64","yama":{"ptraceScope":"1"},"lsm":{"selinux":"disabled","apparmor":"absent","active":"capability,yama"},"seccomp":{"filter":true,"actions":"kill_process,allow"},"capabilities":{"lastCap":40},"cgroup":"v1","nsLastPid":true,"criu":{"path":"/usr/sbin/criu","version":"3.17"},"features":{"ptrace-get-rseq-conf":{"supported":false,"by":"criu-check"},"cap-checkpoint-restore":{"supported":true,"by":"proc"}}}""";

    private readonly ReconcileAwsEnvironment aws;
    private readonly string? savedEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
    private FaultProxy? relay;
    private Dictionary<string, string?> documents = [];

    public DiagnosticsJourneyTests(ReconcileAwsEnvironment aws)
    {
        this.aws = aws;
        TestEnvironment.ApplyStaticCredentials();
    }

    public async Task InitializeAsync()
    {
        relay = new FaultProxy(aws.Moto.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", relay.Endpoint.ToString().TrimEnd('/'));
        documents = await DeployDocumentsAsync();
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", savedEndpoint);
        if (relay is not null)
        {
            await relay.DisposeAsync();
        }
    }

    private ServiceSettings Settings => new()
    {
        StateTable = ReconcileAwsEnvironment.Table, TopicArn = aws.TopicArn, Clusters = [ReconcileAwsEnvironment.Cluster], Policy = Policy,
        ContainerLogGroups = [ReconcileAwsEnvironment.LogGroup], StackDocuments = StackDocumentNames.FromVariables(documents),
    };

    [Fact]
    public async Task UnknownCause_DiagnosticsRunOnTheNode_ReconcileReadsItAndTheVerdictFollowsTheNode()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).AddMinutes(-40);
        var node = aws.Nodes[Nodegroup];

        // 1. detect: a restore failed with nothing the catalog recognises, on a node group the AMI catalog says can restore.
        var detect = await InvokeAsync("detect", SubscriptionEnvelopes.Envelope(UnknownFailure(node, "orders-7d9f8b6c5-q1w2e", start)), start.AddMinutes(1));

        var finding = Assert.Single(detect.GetProperty("findings").EnumerateArray());
        Assert.Equal(("restore-failure", "unknown"), (finding.GetProperty("verdict").GetString(), finding.GetProperty("cause").GetString()));
        var before = detect.GetProperty("correlation").EnumerateArray().Single(c => c.GetProperty("node").GetString() == node);
        Assert.Equal((true, "ami-catalog"), (before.GetProperty("compatible").GetBoolean(), before.GetProperty("kernelSource").GetString()));
        var diagnostics = detect.GetProperty("plan").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "ssm-run-command");
        Assert.Equal("executed", diagnostics.GetProperty("status").GetString());
        var actionId = diagnostics.GetProperty("id").GetString()!;
        var commandId = diagnostics.GetProperty("reference").GetString()!;
        var instanceId = Assert.Single(diagnostics.GetProperty("target").GetProperty("instanceIds").EnumerateArray()).GetString()!;

        // The command moto received names the deployed diagnostics document (never a hard-coded name).
        using var clients = new AwsClientFactory(AwsSettings.FromEnvironment(Environment.GetEnvironmentVariable), TimeProvider.System, SharedRandomJitter.Instance);
        var sent = Assert.Single((await clients.Ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = commandId })).Commands);
        Assert.Equal(documents[StackDocuments.DiagnosticsVariable], sent.DocumentName);
        var request = Assert.Single(relay!.Requests, r => r.Operation == "SendCommand");
        Assert.True(request.Forwarded);
        // moto lists every instance it knows under a command; the request itself names only the failing node.
        Assert.Equal([instanceId], JsonDocument.Parse(request.Request.BodyText).RootElement.GetProperty("InstanceIds").EnumerateArray().Select(i => i.GetString()));

        // 2. The command finished on the node: SSM's answers for it (moto has no ListCommandInvocations and runs nothing).
        relay!.Inject("ListCommandInvocations", Answer($$"""{"CommandInvocations":[{"CommandId":"{{commandId}}","InstanceId":"{{instanceId}}","DocumentName":"{{sent.DocumentName}}","Status":"Success","StatusDetails":"Success"}]}"""), times: 5);
        relay.Inject("GetCommandInvocation", Answer(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["CommandId"] = commandId, ["InstanceId"] = instanceId, ["DocumentName"] = sent.DocumentName, ["Status"] = "Success", ["StatusDetails"] = "Success",
            ["ResponseCode"] = 0, ["StandardOutputContent"] = NodeOutput, ["StandardErrorContent"] = "",
        })), times: 5);

        // 3. reconcile follows the command to its end and reads the node's report.
        var reconcile = await InvokeAsync("reconcile", "{}"u8.ToArray(), start.AddMinutes(20));

        var followed = reconcile.GetProperty("followed").EnumerateArray().Single(f => f.GetProperty("actionId").GetString() == actionId);
        Assert.Equal("successful", followed.GetProperty("status").GetString());
        var verdict = followed.GetProperty("nodeVerdict");
        Assert.True(verdict.GetProperty("changed").GetBoolean(), verdict.ToString());
        Assert.Equal((false, true), (verdict.GetProperty("compatible").GetBoolean(), verdict.GetProperty("compatibleBefore").GetBoolean()));
        Assert.Equal(("5.10.226-214.880.amzn2.x86_64", "ssm-probe", "ami-catalog"),
            (verdict.GetProperty("kernel").GetString(), verdict.GetProperty("kernelSource").GetString(), verdict.GetProperty("kernelSourceBefore").GetString()));
        Assert.Contains("ptrace-get-rseq-conf", verdict.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains($"node group {Nodegroup} cannot restore InstantOn: {instanceId} reports kernel 5.10.226", followed.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The audit of the same run already judges the group on what the node said.
        var audit = reconcile.GetProperty("audit").EnumerateArray().Single(a => a.GetProperty("cluster").GetString() == ReconcileAwsEnvironment.Cluster);
        var flagged = audit.GetProperty("incompatibleNodegroups").EnumerateArray().Single(n => n.GetProperty("nodegroup").GetString() == Nodegroup);
        Assert.Contains("(ssm-probe)", flagged.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(flagged.GetProperty("alerted").GetBoolean(), flagged.ToString());
        Assert.Contains(await aws.ReceiveAlertsAsync(), body => body.Contains(Nodegroup, StringComparison.Ordinal) && body.Contains("ssm-probe", StringComparison.Ordinal));

        // Diagnostics are not a fix: nothing to verify, no "not fixed" escalation for them.
        Assert.DoesNotContain(reconcile.GetProperty("verified").EnumerateArray(), v => v.GetProperty("actionId").GetString() == actionId);
        Assert.DoesNotContain(reconcile.GetProperty("escalated").EnumerateArray(), e => e.GetProperty("actionId").GetString() == actionId);

        var store = new DynamoDbStateStore(clients.DynamoDb, ReconcileAwsEnvironment.Table, new FixedTimeProvider(start.AddMinutes(21)));
        var record = Assert.Single(await store.GetNodeProbesAsync(ReconcileAwsEnvironment.Cluster), r => r.Nodegroup == Nodegroup);
        Assert.Equal((instanceId, commandId, $"diagnostics action {actionId}"), (record.InstanceId, record.CommandId, record.Source));
        Assert.Empty(await store.GetInFlightAsync(ReconcileAwsEnvironment.Cluster));
        Assert.Contains(await store.GetAuditAsync(ReconcileAwsEnvironment.Cluster, start), r => r.What == "node-group verdict from node diagnostics" && r.ActionId == actionId);

        // 4. The next failure on that node group is correlated with what the node said.
        var next = await InvokeAsync("detect", SubscriptionEnvelopes.Envelope(UnknownFailure(node, "orders-7d9f8b6c5-z9x8c", start.AddMinutes(25))), start.AddMinutes(26));
        var after = next.GetProperty("correlation").EnumerateArray().Single(c => c.GetProperty("node").GetString() == node);
        Assert.Equal((false, "ssm-probe", "5.10.226-214.880.amzn2.x86_64"),
            (after.GetProperty("compatible").GetBoolean(), after.GetProperty("kernelSource").GetString(), after.GetProperty("kernel").GetString()));
        Assert.StartsWith("Kernel 5.10.226-214.880.amzn2.x86_64 (ssm-probe) lacks PTRACE_GET_RSEQ_CONFIGURATION", after.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static InstantOnRemediate.Testing.Fault Answer(string body) => new() { Name = "ssm-answer", Status = 200, ContentType = "application/x-amz-json-1.1", Body = body };

    private async Task<JsonElement> InvokeAsync(string handlerName, byte[] payload, DateTimeOffset now)
    {
        var handler = FunctionFactory.Create(handlerName, new FunctionOptions { UseAws = true, Mode = "enforce", Now = now }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, Settings);
        var bytes = await handler.HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    /// <summary>The stack's command documents created in moto as template.yaml creates them, in a stack called "journey"; their variables.</summary>
    private static async Task<Dictionary<string, string?>> DeployDocumentsAsync()
    {
        using var clients = new AwsClientFactory(AwsSettings.FromEnvironment(Environment.GetEnvironmentVariable), TimeProvider.System, SharedRandomJitter.Instance);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var document in SsmDocumentFiles.CommandDocuments("journey"))
        {
            await clients.Ssm.CreateDocumentAsync(new CreateDocumentRequest
            {
                Name = document.Name, Content = document.ContentJson, DocumentType = DocumentType.Command,
                DocumentFormat = DocumentFormat.JSON, TargetType = document.TargetType,
            });
            variables[document.Variable ?? throw new InvalidOperationException($"{document.Resource} is passed to no function")] = document.Name;
        }

        return variables;
    }

    /// <summary>Liberty's failed restore and CRIU's abort, with nothing the catalog knows as a cause, on <paramref name="node"/>.</summary>
    private static JsonObject UnknownFailure(string node, string pod, DateTimeOffset at)
    {
        var lines = new[]
        {
            "CWWKE0964E: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored. The server did not launch because checkpoint restore recovery is disabled.",
            "Error (criu/cr-restore.c:2447): Restoring FAILED.",
        };
        var events = new JsonArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var record = new JsonObject
            {
                ["time"] = at.AddMilliseconds(i).ToString("O"), ["stream"] = "stdout", ["_p"] = "F", ["log"] = lines[i],
                ["kubernetes"] = new JsonObject { ["pod_name"] = pod, ["namespace_name"] = "shop", ["host"] = node, ["container_name"] = "orders" },
            };
            events.Add(new JsonObject { ["id"] = $"{at.ToUnixTimeMilliseconds()}{i}", ["timestamp"] = at.ToUnixTimeMilliseconds() + i, ["message"] = record.ToJsonString() });
        }

        return new JsonObject
        {
            ["messageType"] = "DATA_MESSAGE", ["owner"] = "123456789012", ["logGroup"] = ReconcileAwsEnvironment.LogGroup,
            ["logStream"] = $"{node}-application.var.log.containers.{pod}_shop_orders-0123.log", ["subscriptionFilters"] = new JsonArray("instanton-restore-failures"),
            ["logEvents"] = events,
        };
    }

}

/// <summary>Points the process-wide AWS environment at its own moto world: runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DiagnosticsJourneyCollection : ICollectionFixture<ReconcileAwsEnvironment>
{
    public const string Name = "diagnostics-journey";
}
