using System.Text.Json;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Notifications;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Sns;

[Collection(MotoCollection.Name)]
public sealed class SnsAlertRequestTests(MotoServer moto)
{
    private static readonly string AlertSchema = Path.Combine(RepoPaths.Root, "docs", "schemas", "alert.v1.json");

    /// <summary>An alert as AlertWriter writes them (sections, evidence, approve command, attributes).</summary>
    internal static Alert Alert(int evidenceChars = 60) => new()
    {
        GroupKey = "prod/ng-al2/rseq-ptrace-unsupported",
        Subject = "[InstantOn] restore failed (3 pods) on prod/ng-al2: node kernel too old for this image (rseq, needs Linux 5.13+)"[..100],
        Body = string.Join('\n',
            "WHAT HAPPENED",
            "  3 pods running Open Liberty InstantOn could not resume from their prebuilt checkpoint (a CRIU restore).",
            "",
            "WHERE",
            "  cluster     prod",
            "  node group  ng-al2 (AL2_x86_64, release 1.30.9-20250212, kernel 5.10 (from ami-catalog))",
            "",
            "EVIDENCE (from the container log)",
            "  | CWWKE0961I: Restore of the checkpoint failed",
            "  | Error (criu/cr-restore.c:2521): 27 killed by signal 11 " + new string('e', evidenceChars),
            "",
            "FIX",
            "  Run the workload on AL2023 nodes.",
            "",
            "WHAT THE SERVICE PROPOSES (mode: recommend)",
            "  - [awaiting-approval] create node group ng-al2-al2023 (AL2023_x86_64_STANDARD) in prod, cloned from ng-al2",
            "      why: a disruptive action needs approval",
            "      approve: aws lambda invoke --function-name rb --cli-binary-format raw-in-base64-out --payload '{\"action\":\"apply\"}' out.json",
            "",
            "PAUSE ALL AUTOMATIC ACTIONS",
            "  aws lambda invoke --function-name rb --cli-binary-format raw-in-base64-out --payload '{\"action\":\"pause\",\"reason\":\"<why>\"}' out.json",
            "",
            "plan plan-1 · cause rseq-ptrace-unsupported · remedy class node-kernel"),
        Attributes = new Dictionary<string, string>
        {
            ["cluster"] = "prod", ["nodegroup"] = "ng-al2", ["cause"] = "rseq-ptrace-unsupported", ["remedy"] = "node-kernel",
            ["verdict"] = "restore-failure", ["planId"] = "plan-1", ["mode"] = "recommend", ["pods"] = "3", ["severity"] = "high",
        },
    };

    internal static AlertDelivery Delivery => new() { Account = MotoServer.AccountId, Region = MotoServer.Region, OccurredAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero) };

    [Fact]
    public async Task Publish_JsonStructure_ValidAgainstBotocoreModelAndEncoded()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Recording(handler);

        await aws.Sns.PublishAsync(SnsAlertRequest.Build(SnsCannedResponses.TopicArn, Alert(), Delivery));

        var request = Assert.Single(handler.Requests);
        new BotocoreValidator().Request("sns", request).Validate().AssertValid();
        var form = request.BodyText.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("json", form["MessageStructure"]);
        using var message = JsonDocument.Parse(form["Message"]);
        Assert.Equal(SnsAlertRequest.Protocols, message.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(message.RootElement.GetProperty("sqs").GetString(), message.RootElement.GetProperty("lambda").GetString());
        Assert.Equal(10, form.Keys.Count(k => k.EndsWith(".Name", StringComparison.Ordinal)));
        Assert.Contains(form, p => p.Value == "account");
    }

    [Theory]
    [InlineData("xml", "{\"default\":\"d\"}")]
    [InlineData("json", "{\"email\":\"e\"}")]
    [InlineData("json", "{\"default\":{\"nested\":1}}")]
    [InlineData("json", "not json")]
    public async Task Publish_BadJsonStructure_RejectedBeforeSending(string structure, string message)
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Recording(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Sns.PublishAsync(new PublishRequest { TopicArn = SnsCannedResponses.TopicArn, Message = message, MessageStructure = structure }));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Build_HugeEvidence_ShortenedToFit256KBEverywhereAndStillValid()
    {
        var request = SnsAlertRequest.Build(SnsCannedResponses.TopicArn, Alert(evidenceChars: 400_000), Delivery);

        Assert.InRange(SnsAlertRequest.Size(request), SnsAlertRequest.MaxBytes - 2048, SnsAlertRequest.MaxBytes);
        using var message = JsonDocument.Parse(request.Message);
        var machine = message.RootElement.GetProperty("sqs").GetString()!;
        JsonSchemaValidator.AssertValid(AlertSchema, [machine]);
        Assert.True(JsonDocument.Parse(machine).RootElement.GetProperty("textTruncated").GetBoolean());
        Assert.EndsWith("the runbook's status action shows the rest).", message.RootElement.GetProperty("default").GetString(), StringComparison.Ordinal);
        Assert.Equal("1.0", JsonDocument.Parse(message.RootElement.GetProperty("https").GetString()!).RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Build_SmallAlert_NotShortened()
    {
        var request = SnsAlertRequest.Build(SnsCannedResponses.TopicArn, Alert(), Delivery);

        using var message = JsonDocument.Parse(request.Message);
        Assert.Equal(Alert().Body, message.RootElement.GetProperty("default").GetString());
        Assert.Equal(Alert().Subject, request.Subject);
    }

    [Fact]
    public async Task Publish_ToMotoTopic_QueuesRawOffAndOnReceiveTheSqsBody()
    {
        TestEnvironment.ApplyStaticCredentials();
        var name = "alerts-" + Guid.NewGuid().ToString("N")[..8];
        var topicArn = await Boto3Script.RunAsync(moto.Endpoint, $$"""
            sns = boto3.client('sns'); sqs = boto3.client('sqs')
            topic = sns.create_topic(Name='{{name}}')['TopicArn']
            for raw in ['false', 'true']:
                queue = sqs.create_queue(QueueName='{{name}}-' + raw)['QueueUrl']
                arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
                sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=arn, Attributes={'RawMessageDelivery': raw})
            print(topic)
            """);
        using var aws = new AwsClientFactory(TestAws.Settings(moto.Endpoint), TimeProvider.System, new FixedJitter(0));
        var request = SnsAlertRequest.Build(topicArn, Alert(), Delivery);
        var expected = JsonDocument.Parse(request.Message).RootElement.GetProperty("sqs").GetString()!;

        await aws.Sns.PublishAsync(request);

        var received = await Boto3Script.RunAsync(moto.Endpoint, $$"""
            sqs = boto3.client('sqs')
            out = {}
            for raw in ['false', 'true']:
                queue = sqs.get_queue_url(QueueName='{{name}}-' + raw)['QueueUrl']
                out[raw] = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=1, MessageAttributeNames=['All'])['Messages'][0]
            print(json.dumps(out))
            """);
        using var both = JsonDocument.Parse(received);
        var enveloped = JsonDocument.Parse(both.RootElement.GetProperty("false").GetProperty("Body").GetString()!).RootElement;
        Assert.Equal(expected, enveloped.GetProperty("Message").GetString());
        Assert.Equal(Alert().Subject, enveloped.GetProperty("Subject").GetString());
        Assert.Equal(MotoServer.AccountId, enveloped.GetProperty("MessageAttributes").GetProperty("account").GetProperty("Value").GetString());
        Assert.Equal(MotoServer.Region, enveloped.GetProperty("MessageAttributes").GetProperty("region").GetProperty("Value").GetString());
        var raw = both.RootElement.GetProperty("true");
        Assert.Equal(expected, raw.GetProperty("Body").GetString());
        Assert.Equal(MotoServer.Region, raw.GetProperty("MessageAttributes").GetProperty("region").GetProperty("StringValue").GetString());
        JsonSchemaValidator.AssertValid(AlertSchema, [expected, raw.GetProperty("Body").GetString()!]);
    }
}
