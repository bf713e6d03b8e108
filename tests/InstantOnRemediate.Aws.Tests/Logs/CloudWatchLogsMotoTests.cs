using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Logs;

/// <summary>FilterLogEvents paging against moto_server's CloudWatch Logs, events written with boto3.</summary>
[Collection(MotoCollection.Name)]
public sealed class CloudWatchLogsMotoTests(MotoServer moto)
{
    [Fact]
    public async Task FilterAllLogEvents_TwentyFiveEventsInPagesOfTen_AllReadInOrder()
    {
        TestEnvironment.ApplyStaticCredentials();
        var group = "/aws/containerinsights/c" + Guid.NewGuid().ToString("N")[..8] + "/application";
        await Boto3Script.RunAsync(moto.Endpoint, $"""
            logs = boto3.client('logs')
            now = int(time.time() * 1000) - 60000
            logs.create_log_group(logGroupName='{group}')
            logs.create_log_stream(logGroupName='{group}', logStreamName='ip-10-0-1-2.ec2.internal-application')
            events = [dict(timestamp=now + i, message=('CWWKE0961I restore failed %d' % i) if i % 5 == 0 else ('line %d' % i)) for i in range(25)]
            logs.put_log_events(logGroupName='{group}', logStreamName='ip-10-0-1-2.ec2.internal-application', logEvents=events)
            """);
        using var aws = new AwsClientFactory(TestAws.Settings(moto.Endpoint), TimeProvider.System, new FixedJitter(0));

        var all = await aws.Logs.FilterAllLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group, Limit = 10 });
        var matching = await aws.Logs.FilterAllLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group, FilterPattern = "CWWKE0961I" });

        Assert.True(all.Complete);
        Assert.Equal(3, all.Pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i % 5 == 0 ? $"CWWKE0961I restore failed {i}" : $"line {i}"), all.Events.Select(e => e.Message));
        Assert.All(all.Events, e => Assert.Equal("ip-10-0-1-2.ec2.internal-application", e.LogStreamName));
        Assert.Equal(5, matching.Events.Count);
    }
}
