using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Lambda.Tests.Handlers;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

/// <summary>
/// detect → reconcile end to end against moto_server through the standard AWS environment: the AL2 restore failure
/// is acted on in enforce (the AL2 node group labelled), later the workload restores on the AL2023 node group
/// (log events in moto's CloudWatch Logs), and reconcile verifies the fix: verified fix and audit in DynamoDB, the
/// resolved alert published to SNS.
/// </summary>
[Collection(ReconcileAwsCollection.Name)]
public sealed class ReconcileAwsTests : IDisposable
{
    private const string Al2Node = "ip-192-168-12-34.us-west-2.compute.internal";
    private const string Al2023Node = "ip-192-168-45-67.us-west-2.compute.internal";
    private const string Policy = """{"version":1,"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30}}""";

    private readonly ReconcileAwsEnvironment aws;
    private readonly string? savedEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");

    public ReconcileAwsTests(ReconcileAwsEnvironment aws)
    {
        this.aws = aws;
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", aws.Moto.Endpoint.ToString().TrimEnd('/'));
    }

    public void Dispose() => Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", savedEndpoint);

    private ServiceSettings Settings => new()
    {
        StateTable = ReconcileAwsEnvironment.Table, TopicArn = aws.TopicArn, Clusters = [ReconcileAwsEnvironment.Cluster], Policy = Policy,
        ContainerLogGroups = [ReconcileAwsEnvironment.LogGroup],
    };

    private async Task<JsonElement> InvokeAsync(string handlerName, byte[] payload, DateTimeOffset now)
    {
        var handler = FunctionFactory.Create(handlerName, new FunctionOptions { UseAws = true, Mode = "enforce", Now = now }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, Settings);
        var bytes = await handler.HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    [Fact]
    public async Task Reconcile_WorkloadRestoresOnTheCompatibleGroupAfterTheLabel_VerifiesRecordsAndPublishesResolved()
    {
        // Log timestamps near the real clock: CloudWatch Logs (and moto) refuse events older than 14 days.
        var start = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).AddMinutes(-40);
        var failure = Rewrite("eks-rseq-al2.decoded.json", Al2Node, aws.Nodes["ng-al2-general"], start);

        var detect = await InvokeAsync("detect", SubscriptionEnvelopes.Envelope(failure), start.AddMinutes(1));

        var label = detect.GetProperty("plan").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "eks-label-nodegroup");
        Assert.Equal("executed", label.GetProperty("status").GetString());
        var actionId = label.GetProperty("id").GetString()!;

        var success = Rewrite("eks-success-al2023.decoded.json", Al2023Node, aws.Nodes["ng-al2023-general"], start.AddMinutes(15));
        await aws.PutLogEventsAsync(success["logStream"]!.GetValue<string>(),
            [.. success["logEvents"]!.AsArray().Select(e => (e!["timestamp"]!.GetValue<long>(), e["message"]!.GetValue<string>()))]);

        var root = await InvokeAsync("reconcile", "{}"u8.ToArray(), start.AddMinutes(20));

        var verification = root.GetProperty("verified").EnumerateArray().Single(v => v.GetProperty("actionId").GetString() == actionId);
        Assert.Equal("verified", verification.GetProperty("status").GetString());
        Assert.Contains(verification.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.Contains("shop/orders-7d9f8b6c5-m8p2z on node group ng-al2023-general", StringComparison.Ordinal));
        Assert.True(root.GetProperty("alertsSent").GetInt32() >= 1, root.ToString());

        using var clients = new AwsClientFactory(AwsSettings.FromEnvironment(Environment.GetEnvironmentVariable), TimeProvider.System, SharedRandomJitter.Instance);
        var store = new DynamoDbStateStore(clients.DynamoDb, ReconcileAwsEnvironment.Table, new FixedTimeProvider(start.AddMinutes(21)));
        var fix = Assert.Single(await store.GetVerifiedFixesAsync(ReconcileAwsEnvironment.Cluster));
        Assert.Equal(("ng-al2-general", actionId), (fix.Nodegroup, fix.ActionId));
        Assert.Contains(await store.GetAuditAsync(ReconcileAwsEnvironment.Cluster, start), r => r.What == "verified" && r.ActionId == actionId);
        var published = await aws.ReceiveAlertsAsync();
        Assert.Contains(published, body => body.StartsWith("RESOLVED", StringComparison.Ordinal) && body.Contains(actionId, StringComparison.Ordinal));

        // moto has no DescribeUpdate: the label's update cannot be followed; recorded as a note, kept in flight for the next run.
        var followed = root.GetProperty("followed").EnumerateArray().Single(f => f.GetProperty("actionId").GetString() == actionId);
        Assert.Equal("unknown", followed.GetProperty("status").GetString());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("retried next run", StringComparison.Ordinal));
        Assert.Contains(await store.GetInFlightAsync(ReconcileAwsEnvironment.Cluster), a => a.ActionId == actionId);
    }

    /// <summary>A shipped decoded sample moved to moto's node name and to <paramref name="at"/>.</summary>
    private static JsonObject Rewrite(string sample, string node, string motoNode, DateTimeOffset at)
    {
        var text = File.ReadAllText(RepoPaths.Event("detect", sample)).Replace(node, motoNode, StringComparison.Ordinal);
        var decoded = JsonNode.Parse(text)!.AsObject();
        var events = decoded["logEvents"]!.AsArray();
        var first = events[0]!["timestamp"]!.GetValue<long>();
        foreach (var e in events)
        {
            e!["timestamp"] = at.ToUnixTimeMilliseconds() + (e["timestamp"]!.GetValue<long>() - first);
        }

        return decoded;
    }

}
