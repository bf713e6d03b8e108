using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.EndToEnd;

/// <summary>
/// The published native bootstrap, as Lambda runs it (a loopback Runtime API), against moto_server for every AWS
/// API (AWS_ENDPOINT_URL): the EKS AL2 rseq case in enforce mode leads to exactly one label action, one SNS
/// publish and the audit records; the same batch delivered again leads to none.
/// </summary>
public sealed class BootstrapMotoEndToEndTests : IClassFixture<MotoServer>
{
    private static readonly string Bootstrap = Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");
    private readonly MotoServer moto;

    public BootstrapMotoEndToEndTests(MotoServer moto) => this.moto = moto;

    [Fact]
    public async Task Detect_FailureBatchTwice_OneLabelOnePublishOneAuditTrail()
    {
        Assert.True(File.Exists(Bootstrap), $"not built: run 'make publish' ({Bootstrap})");
        await moto.ResetAsync();
        var world = await EksCaseWorld.SeedAsync(moto.Endpoint, 0);
        using var runtime = FakeRuntimeApi.Start();
        var environment = world.FunctionEnvironment(moto.Endpoint, "detect", runtime.Address, "enforce", new DateTimeOffset(2025, 5, 8, 10, 41, 0, TimeSpan.Zero),
            policy: """{"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30}}""");
        using var process = ProcessRunner.Start(Bootstrap, [], environment);
        var batch = world.Events[0];

        var first = await runtime.WaitForResultAsync(runtime.Enqueue(batch), TimeSpan.FromSeconds(60));
        var second = await runtime.WaitForResultAsync(runtime.Enqueue(batch), TimeSpan.FromSeconds(60));

        Assert.True(first.Kind == RecordedPost.Response, $"first delivery: {first.BodyText} {process.StandardError}");
        var actions = first.Json.GetProperty("plan").GetProperty("actions").EnumerateArray().ToList();
        Assert.Single(actions, a => a.GetProperty("type").GetString() == "eks-label-nodegroup" && a.GetProperty("status").GetString() == "executed");
        Assert.Single(actions, a => a.GetProperty("type").GetString() == "notify" && a.GetProperty("status").GetString() == "executed");
        Assert.Equal("rseq-ptrace-unsupported", first.Json.GetProperty("findings")[0].GetProperty("cause").GetString());
        Assert.Equal(RecordedPost.Response, second.Kind);
        Assert.DoesNotContain(second.Json.GetProperty("plan").GetProperty("actions").EnumerateArray(), a => a.GetProperty("status").GetString() == "executed");

        var outcome = JsonDocument.Parse(await Boto3Script.RunAsync(moto.Endpoint, CheckScript(world))).RootElement;
        Assert.Equal("false", outcome.GetProperty("label").GetString());
        Assert.Equal(1, outcome.GetProperty("messages").GetInt32());
        Assert.Contains("restore failed on prod-eks/ng-al2-general", outcome.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var audit = outcome.GetProperty("audit").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Single(audit, a => a == "eks-label-nodegroup executed");
        Assert.Single(audit, a => a == "notify executed");
    }

    private static string CheckScript(EksCaseWorld world) => $$"""
        eks = boto3.client('eks'); sqs = boto3.client('sqs'); ddb = boto3.client('dynamodb')
        labels = eks.describe_nodegroup(clusterName='prod-eks', nodegroupName='ng-al2-general')['nodegroup'].get('labels', {})
        messages = sqs.receive_message(QueueUrl='{{world.Queue}}', MaxNumberOfMessages=10).get('Messages', [])
        items = ddb.scan(TableName='instanton-state')['Items']
        audit = [i['what']['S'] for i in items if i['pk']['S'] == 'audit#prod-eks' and 'what' in i]
        print(json.dumps({'label': labels.get('instanton.openliberty.io/restore-compatible'), 'messages': len(messages),
                          'subject': json.loads(messages[0]['Body'])['Subject'] if messages else '', 'audit': audit}))
        """;
}
