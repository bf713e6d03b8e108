using System.Text.Json;
using InstantOnRemediate.Reliability.Tests.Support;

namespace InstantOnRemediate.Reliability.Tests.Concurrency;

/// <summary>
/// The same batch delivered to eight function instances at once (CloudWatch Logs and Lambda both redeliver), in
/// enforce mode with the DynamoDB state store on moto: the claims let exactly one instance act.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class DuplicateInvocationTests(MotoWorld world)
{
    private const int Instances = 8;

    [Fact]
    public async Task Detect_SameBatchOnEightInstancesAtOnce_OneLabelAndOneAlert()
    {
        const string cluster = "dup-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        var payload = AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]);
        world.Proxy.Reset();
        var now = Batches.Now;
        var functions = Enumerable.Range(0, Instances).Select(_ => world.Detect(now)).ToList();

        var results = await Task.WhenAll(functions.Select(f => Task.Run(() => f.RunAsync(payload))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ErrorType + ": " + r.Error?.ErrorMessage));
        Assert.Single(AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", cluster));
        Assert.Single(AwsScenario.Publishes(world.Proxy, cluster));
        var executed = results.Select(r => JsonDocument.Parse(r.Response!).RootElement)
            .SelectMany(r => AwsScenario.Actions(r, "eks-label-nodegroup"))
            .Count(a => a.GetProperty("status").GetString() == "executed");
        Assert.Equal(1, executed);
        foreach (var f in functions)
        {
            f.Dispose();
        }
    }

    [Fact]
    public async Task Detect_SameBatchDeliveredAgainLater_NotActedOnTwice()
    {
        const string cluster = "redeliver-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        var payload = AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]);
        world.Proxy.Reset();

        using (var first = world.Detect(Batches.Now))
        {
            await first.ResponseAsync(payload);
        }

        using var second = world.Detect(Batches.Now.AddMinutes(3));
        var again = await second.ResponseAsync(payload);

        Assert.Single(AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", cluster));
        Assert.Contains(again.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("already processed", StringComparison.Ordinal));
    }
}
