using System.Text.Json;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Events;

[Collection(MotoCollection.Name)]
public sealed class EventPublisherTests(MotoServer moto)
{
    private static readonly string Schema = Path.Combine(RepoPaths.Root, "docs", "schemas", "event-detail.v1.json");

    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static List<RemediationEvent> Story(string account)
    {
        var scope = new EventScope { Account = account, Region = "us-east-1", Cluster = "prod", Nodegroup = "ng-al2" };
        var verdict = new EventVerdict { Status = "incompatible", Source = "ami-catalog", Kernel = "5.10.245", Missing = ["ptrace-get-rseq-configuration"] };
        return
        [
            RemediationEvents.RestoreFailureGroup(scope, At, "rseq-ptrace-unsupported", "node-kernel", 4, 2, verdict, "plan-9", "enforce"),
            RemediationEvents.NodegroupVerdictChanged(scope, At, verdict, null),
            RemediationEvents.Action(RemediationEventKinds.ActionAwaitingApproval, scope, At, "plan-9", "act-1", "eks-create-nodegroup", "rseq-ptrace-unsupported", "node-kernel", "clone as AL2023 needs approval", "enforce"),
            RemediationEvents.Escalation(scope, At.AddMinutes(30), EventSeverities.High, "approval timed out"),
        ];
    }

    [Fact]
    public async Task Publish_NoBus_SendsNothing()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1)));
        using var aws = TestAws.Recording(handler);

        var publisher = EventPublisher.FromEnvironment(aws, TimeProvider.System, new FixedJitter(0), _ => "  ");
        var result = await publisher.PublishAsync(Story(MotoServer.AccountId));

        Assert.False(publisher.Enabled);
        Assert.False(result.Enabled);
        Assert.Empty(result.Sent);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task FromEnvironment_BusSet_ClientBuiltOnFirstPublishOnly()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1)));
        using var aws = TestAws.Recording(handler);

        var publisher = EventPublisher.FromEnvironment(aws, TimeProvider.System, new FixedJitter(0), _ => "instanton-events");
        var nothing = await publisher.PublishAsync([]);
        var one = await publisher.PublishAsync([Story("111111111111")[0]]);

        Assert.True(publisher.Enabled);
        Assert.True(nothing.Enabled);
        Assert.Empty(nothing.Sent);
        Assert.Single(one.Sent);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("central bus")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:topic")]
    [InlineData("arn:aws:events:us-east-1:12345:event-bus/x")]
    public void FromEnvironment_MalformedBus_FailsFast(string bus)
    {
        using var aws = TestAws.Recording(new RecordingHandler(_ => ScriptedResponse.Json(200, "{}")));

        var error = Assert.Throws<AwsConfigurationException>(() => EventPublisher.FromEnvironment(aws, TimeProvider.System, new FixedJitter(0), _ => bus));

        Assert.Contains("EVENT_BUS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CentralBusArn_EntriesValidForBotocoreAndDetailsForTheSchema()
    {
        var handler = new RecordingHandler(r => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(JsonDocument.Parse(r.Body).RootElement.GetProperty("Entries").GetArrayLength())));
        using var aws = TestAws.Recording(handler);
        var publisher = EventPublisher.FromEnvironment(aws, TimeProvider.System, new FixedJitter(0), v => v == "EVENT_BUS" ? EventBridgeCannedResponses.CentralBusArn : null);

        var result = await publisher.PublishAsync(Story("111111111111"));

        Assert.Equal(4, result.Sent.Count);
        Assert.Empty(result.Failed);
        new BotocoreValidator().Requests("events", handler.Requests).Validate().AssertValid();
        var entries = JsonDocument.Parse(Assert.Single(handler.Requests).Body).RootElement.GetProperty("Entries").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal(EventBridgeCannedResponses.CentralBusArn, e.GetProperty("EventBusName").GetString()));
        Assert.Equal(
            ["InstantOn Restore Failure Group", "InstantOn Nodegroup Verdict Changed", "InstantOn Action Awaiting Approval", "InstantOn Escalation"],
            entries.Select(e => e.GetProperty("DetailType").GetString()));
        JsonSchemaValidator.AssertValid(Schema, entries.Select(e => e.GetProperty("Detail").GetString()!));
    }

    [Fact]
    public async Task Publish_ToMotoBus_QueueReceivesDetailsTheCentralFoldReads()
    {
        TestEnvironment.ApplyStaticCredentials();
        var name = "fleet-" + Guid.NewGuid().ToString("N")[..8];
        var busArn = await Boto3Script.RunAsync(moto.Endpoint, $$"""
            events = boto3.client('events'); sqs = boto3.client('sqs')
            bus = events.create_event_bus(Name='{{name}}')['EventBusArn']
            queue = sqs.create_queue(QueueName='{{name}}')['QueueUrl']
            arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
            events.put_rule(Name='{{name}}', EventBusName='{{name}}', EventPattern=json.dumps({'source': ['instanton-remediate']}))
            events.put_targets(Rule='{{name}}', EventBusName='{{name}}', Targets=[{'Id': 'queue', 'Arn': arn}])
            print(bus)
            """);
        using var aws = new AwsClientFactory(TestAws.Settings(moto.Endpoint), TimeProvider.System, new FixedJitter(0));
        var publisher = EventPublisher.FromEnvironment(aws, TimeProvider.System, new FixedJitter(0), v => v == "EVENT_BUS" ? busArn : null);

        var result = await publisher.PublishAsync(Story(MotoServer.AccountId));

        Assert.Empty(result.Failed);
        var received = await Boto3Script.RunAsync(moto.Endpoint, $$"""
            sqs = boto3.client('sqs')
            queue = sqs.get_queue_url(QueueName='{{name}}')['QueueUrl']
            for _ in range(10):
                got = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get('Messages', [])
                if not got:
                    break
                for m in got:
                    print(m['Body'])
            """);
        var (details, skipped) = CentralEvents.Parse(received);
        Assert.Empty(skipped);
        Assert.Equal(4, details.Count);
        var view = FleetAggregator.Fold(details);
        var ng = Assert.Single(view.Nodegroups);
        Assert.Equal((MotoServer.AccountId, "ng-al2", false), (ng.Account, ng.Nodegroup, ng.CanRestore));
        Assert.True(Assert.Single(ng.OpenEpisodes).Escalated);
    }
}
