using System.Text.Json;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Events;

/// <summary>PutEvents against moto_server's EventBridge: a rule on a custom bus delivers to an SQS queue.</summary>
[Collection(MotoCollection.Name)]
public sealed class EventBridgeMotoTests(MotoServer moto)
{
    [Fact]
    public async Task Delivery_BusGivenAsArn_RuleDeliversEveryEventToQueue()
    {
        TestEnvironment.ApplyStaticCredentials();
        var name = "central-" + Guid.NewGuid().ToString("N")[..8];
        var busArn = await Boto3Script.RunAsync(moto.Endpoint, $$"""
            events = boto3.client('events'); sqs = boto3.client('sqs')
            bus = events.create_event_bus(Name='{{name}}')['EventBusArn']
            queue = sqs.create_queue(QueueName='{{name}}')['QueueUrl']
            arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
            events.put_rule(Name='{{name}}', EventBusName='{{name}}', EventPattern=json.dumps({'source': ['instanton-remediate'], 'detail-type': [{'prefix': 'InstantOn '}]}))
            events.put_targets(Rule='{{name}}', EventBusName='{{name}}', Targets=[{'Id': 'queue', 'Arn': arn}])
            print(bus)
            """);
        using var aws = new AwsClientFactory(TestAws.Settings(moto.Endpoint), TimeProvider.System, new FixedJitter(0));
        var delivery = new EventBridgeDelivery(aws.CreateEventBridge(), TimeProvider.System, new FixedJitter(0));
        var entries = Enumerable.Range(0, 12).Select(i => new PutEventsRequestEntry
        {
            Source = "instanton-remediate",
            DetailType = i % 2 == 0 ? "InstantOn Restore Failure Group" : "InstantOn Escalation",
            Detail = $$"""{"schemaVersion":"1","cluster":"prod","nodegroup":"ng-al2","n":{{i}}}""",
            EventBusName = busArn,
        }).ToList();

        var result = await delivery.SendAsync(entries);

        Assert.True(result.AllDelivered, string.Join("; ", result.Undelivered.Select(u => u.Code + ": " + u.Reason)));
        var received = await Boto3Script.RunAsync(moto.Endpoint, $"""
            sqs = boto3.client('sqs')
            queue = sqs.get_queue_url(QueueName='{name}')['QueueUrl']
            bodies = []
            for _ in range(10):
                got = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get('Messages', [])
                if not got:
                    break
                bodies += [json.loads(m['Body']) for m in got]
            print(json.dumps(bodies))
            """);
        using var document = JsonDocument.Parse(received);
        var events = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 12), events.Select(e => e.GetProperty("detail").GetProperty("n").GetInt32()).Order());
        Assert.All(events, e => Assert.Equal("instanton-remediate", e.GetProperty("source").GetString()));
        Assert.Equal(result.Delivered.Select(d => d.EventId).Order(), events.Select(e => e.GetProperty("id").GetString()!).Order());
    }
}
