using System.Text.Json;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Sns;

/// <summary>Publish against moto_server's SNS, read back through an SQS subscription.</summary>
[Collection(MotoCollection.Name)]
public sealed class SnsMotoTests(MotoServer moto)
{
    [Fact]
    public async Task Publish_ToTopicWithQueueSubscription_MessageSubjectAndAttributesDelivered()
    {
        TestEnvironment.ApplyStaticCredentials();
        var name = "alerts-" + Guid.NewGuid().ToString("N")[..8];
        var topicArn = await Boto3Script.RunAsync(moto.Endpoint, $"""
            sns = boto3.client('sns'); sqs = boto3.client('sqs')
            topic = sns.create_topic(Name='{name}')['TopicArn']
            queue = sqs.create_queue(QueueName='{name}')['QueueUrl']
            arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
            sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=arn)
            print(topic)
            """);
        using var aws = new AwsClientFactory(TestAws.Settings(moto.Endpoint), TimeProvider.System, new FixedJitter(0));

        var published = await aws.Sns.PublishAsync(new PublishRequest
        {
            TopicArn = topicArn,
            Message = "Restore failed on ip-10-0-1-2: rseq-ptrace-unsupported & kernel 5.10 < 5.13",
            Subject = "InstantOn restore failures: prod/ng-al2",
            MessageAttributes = new() { ["cause"] = "rseq-ptrace-unsupported", ["cluster"] = "prod" },
        });

        var delivered = await Boto3Script.RunAsync(moto.Endpoint, $"""
            sqs = boto3.client('sqs')
            queue = sqs.get_queue_url(QueueName='{name}')['QueueUrl']
            print(sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=1)['Messages'][0]['Body'])
            """);
        using var envelope = JsonDocument.Parse(delivered);
        var root = envelope.RootElement;
        Assert.Equal(published.MessageId, root.GetProperty("MessageId").GetString());
        Assert.Equal("Restore failed on ip-10-0-1-2: rseq-ptrace-unsupported & kernel 5.10 < 5.13", root.GetProperty("Message").GetString());
        Assert.Equal("InstantOn restore failures: prod/ng-al2", root.GetProperty("Subject").GetString());
        Assert.Equal("rseq-ptrace-unsupported", root.GetProperty("MessageAttributes").GetProperty("cause").GetProperty("Value").GetString());
        Assert.Equal("prod", root.GetProperty("MessageAttributes").GetProperty("cluster").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Publish_UnknownTopic_NotFoundError()
    {
        TestEnvironment.ApplyStaticCredentials();
        using var aws = new AwsClientFactory(TestAws.Settings(moto.Endpoint), TimeProvider.System, new FixedJitter(0));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Sns.PublishAsync(new PublishRequest
        {
            TopicArn = "arn:aws:sns:us-east-1:123456789012:absent",
            Message = "x",
        }));

        Assert.Equal("NotFound", error.ErrorCode);
        Assert.False(error.IsTransient);
    }
}
