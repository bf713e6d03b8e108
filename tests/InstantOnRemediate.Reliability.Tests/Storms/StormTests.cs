using System.Text.Json;
using InstantOnRemediate.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace InstantOnRemediate.Reliability.Tests.Storms;

/// <summary>
/// A restore-failure storm: 10,000 episodes across 200 AL2 node groups within 5 minutes (simulated clock), delivered
/// as Lambda would (five batches of 2,000 episodes, a minute apart, each to a fresh function instance), in enforce
/// mode against moto_server with the default policy. Node-group changes stay within the blast-radius caps and alerts
/// are grouped; the function's own log group never triggers it.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class StormTests(MotoWorld world, ITestOutputHelper output) : IDisposable
{
    private const string Cluster = "storm-eks";
    private const int Nodegroups = 200;
    private const int Episodes = 10_000;
    private const int Deliveries = 5;

    private readonly string state = Scratch.Directory("reliability-storm-");

    [Fact]
    public async Task Detect_TenThousandFailuresAcrossTwoHundredNodegroups_ActionsWithinCapsAlertsGrouped()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nodes = await world.SeedClusterAsync(Cluster, Nodegroups);
        output.WriteLine($"seeded {Nodegroups + 1} node groups in {clock.Elapsed.TotalSeconds:0.0} s");
        var al2 = nodes.Where(n => n.Key.StartsWith("ng-al2-", StringComparison.Ordinal) && n.Key != "ng-al2023-general").Select(n => n.Value[0]).ToList();
        Assert.Equal(Nodegroups, al2.Count);
        world.Proxy.Reset();
        var perDelivery = Episodes / Deliveries;
        var findings = 0;
        var alertsInResponses = 0;

        for (var d = 0; d < Deliveries; d++)
        {
            var start = Batches.Start + (d * 60_000L);
            var events = Enumerable.Range(0, perDelivery).SelectMany(i =>
            {
                var n = (d * perDelivery) + i;
                return Batches.Episode(n + 1, start + (i * 20), $"orders-{n:x6}-pod", node: al2[n % Nodegroups]);
            });
            using var detect = world.Detect(DateTimeOffset.FromUnixTimeMilliseconds(start).AddSeconds(59), state);

            var response = await detect.ResponseAsync(Batches.Envelope(events, AwsScenario.LogGroupOf(Cluster)));

            output.WriteLine($"delivery {d + 1}: {clock.Elapsed.TotalSeconds:0.0} s, {world.Proxy.Requests.Count} AWS requests so far");
            findings += response.GetProperty("findings").GetArrayLength();
            alertsInResponses += response.GetProperty("alerts").GetArrayLength();
        }

        var labels = AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", Cluster).Count;
        var versionUpdates = AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupVersion", Cluster).Count;
        var creates = AwsScenario.Succeeded(world.Proxy, "CreateNodegroup", Cluster).Count;
        var commands = AwsScenario.Succeeded(world.Proxy, "SendCommand").Count + AwsScenario.Succeeded(world.Proxy, "StartAutomationExecution").Count;
        var publishes = AwsScenario.Publishes(world.Proxy, Cluster).Count;
        output.WriteLine($"findings {findings}; labels {labels}; version updates {versionUpdates}; node groups created {creates}; SSM {commands}; SNS publishes {publishes}; alerts in responses {alertsInResponses}; AWS requests {world.Proxy.Requests.Count}");

        output.WriteLine($"asserting at {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(Episodes, findings);
        // Default policy: maxUnhealthyNodegroups 10 (beyond it node-group changes are held for a person),
        // maxNodegroupShareTouchedPerWindow 0.25, one node-group rollout in flight per cluster.
        Assert.True(labels <= 10, $"{labels} node groups labelled during a storm over {Nodegroups} node groups");
        Assert.True(versionUpdates + creates <= 1, $"{versionUpdates} version updates and {creates} node groups created");
        Assert.Equal(0, commands);
        Assert.InRange(publishes, 1, Deliveries);
    }

    [Fact]
    public async Task Detect_TheFunctionsOwnLogGroup_NeverTriggersIt()
    {
        world.Proxy.Reset();
        using var detect = world.Detect(Batches.Now, state);
        var ownLogs = Batches.Signal11Restore.Select((line, i) => new LogEvent(Batches.EventId(i), Batches.Start + i,
            JsonSerializer.Serialize(new Dictionary<string, string> { ["level"] = "info", ["message"] = "finding evidence: " + line })));

        var response = await detect.ResponseAsync(Batches.Envelope(Batches.Payload(ownLogs, "/aws/lambda/instanton-remediate-detect", "2025/05/08/[$LATEST]abc")));

        Assert.DoesNotContain(response.GetProperty("plan").GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() != "none" && a.GetProperty("status").GetString() == "executed");
        // Only the pause switch is read (SSM GetParameter); nothing is looked up or changed.
        Assert.DoesNotContain(world.Proxy.Requests, r => r.Service is "eks" or "sns" or "ec2" || r.IsMutation && r.Service != "dynamodb");
    }

    public void Dispose()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (Directory.Exists(state))
        {
            var rows = Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories).Count();
            Directory.Delete(state, recursive: true);
            output.WriteLine($"state store: {rows} rows, removed in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
