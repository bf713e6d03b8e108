using System.Text.Json;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Reliability.Tests.Support;
using InstantOnRemediate.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Reliability.Tests.Faults;

/// <summary>
/// detect in enforce mode against moto_server behind the fault-injecting proxy: transient faults are retried with
/// backoff, mutations reach AWS once (claims, client request tokens), and an action that still fails is audited as
/// failed and carried out by the retry — nothing is dropped.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class AwsFaultTests(MotoWorld world) : IDisposable
{
    private readonly string state = Scratch.Directory("reliability-faults-");

    public static TheoryData<string, string> TransientFaults() => new()
    {
        { "UpdateNodegroupConfig", "throttling-429" },
        { "UpdateNodegroupConfig", "server-503" },
        { "UpdateNodegroupConfig", "connection-reset" },
        { "DescribeNodegroup", "throttling-429" },
        { "DescribeNodegroup", "server-500" },
        { "Publish", "throttling-query" },
        { "Publish", "server-503" },
        { "DescribeInstances", "server-503" },
        { "DescribeInstances", "ec2-request-limit" },
        { "PutItem", "server-500" },
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task Detect_TwoTransientFaultsOnACall_RetriedAndActionCarriedOutOnce(string operation, string faultName)
    {
        var cluster = ("t-" + operation + "-" + faultName).ToLowerInvariant();
        var nodes = await world.SeedClusterAsync(cluster, 1);
        var payload = AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]);
        world.Proxy.Reset();
        world.Proxy.Inject(operation, Named(faultName), times: 2);
        var stateStore = operation == "PutItem" ? null : state;

        using var detect = world.Detect(Batches.Now, stateStore);
        var response = await detect.ResponseAsync(payload);

        Assert.Equal(2, world.Proxy.Requests.Count(r => r.Operation == operation && r.Fault == faultName));
        Assert.Single(AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", cluster));
        Assert.Single(AwsScenario.Publishes(world.Proxy, cluster));
        Assert.Equal("executed", Assert.Single(AwsScenario.Actions(response, "eks-label-nodegroup")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Detect_ResponseLostAfterEksAppliedTheLabel_RetrySendsTheSameClientRequestToken()
    {
        const string cluster = "lost-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        world.Proxy.Reset();
        world.Proxy.Inject("UpdateNodegroupConfig", Fault.LostResponse());

        using var detect = world.Detect(Batches.Now, state);
        var response = await detect.ResponseAsync(AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]));

        var reached = AwsScenario.Reached(world.Proxy, "UpdateNodegroupConfig", cluster);
        Assert.Equal(2, reached.Count);
        var tokens = reached.Select(r => JsonDocument.Parse(r.Request.Body).RootElement.GetProperty("clientRequestToken").GetString()).Distinct().ToList();
        Assert.Single(tokens);
        Assert.False(string.IsNullOrEmpty(tokens[0]));
        Assert.Equal("executed", Assert.Single(AwsScenario.Actions(response, "eks-label-nodegroup")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Detect_EksFailsEveryAttempt_AuditedAsFailedInvocationRetriedAndTheRetryCarriesItOut()
    {
        const string cluster = "down-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        var payload = AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]);
        world.Proxy.Reset();
        world.Proxy.Inject("UpdateNodegroupConfig", Fault.ServerError(500), times: 4);

        using (var first = world.Detect(Batches.Now, state))
        {
            var failed = await first.RunAsync(payload);

            Assert.False(failed.Succeeded);
            Assert.Equal("TransientFailureException", failed.Error!.ErrorType);
            Assert.Contains("claim was released", failed.Error.ErrorMessage, StringComparison.Ordinal);
        }

        Assert.Equal(4, world.Proxy.Requests.Count(r => r.Operation == "UpdateNodegroupConfig" && r.Fault == "server-500"));
        Assert.Empty(AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", cluster));
        var audit = await new FileStateStore(state, new FakeTimeProvider(Batches.Now)).GetAuditAsync(cluster, Batches.Now.AddHours(-1));
        Assert.Contains(audit, a => a.ActionType == "eks-label-nodegroup" && a.What.Contains("failed", StringComparison.Ordinal));

        using var retry = world.Detect(Batches.Now.AddMinutes(1), state);
        var response = await retry.ResponseAsync(payload);

        Assert.Single(AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", cluster));
        Assert.Equal("executed", Assert.Single(AwsScenario.Actions(response, "eks-label-nodegroup")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Detect_NodegroupBusyWithAnotherUpdate_LabelAppliedByTheNextInvocation()
    {
        const string cluster = "busy-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        world.Proxy.Reset();
        world.Proxy.Inject("UpdateNodegroupConfig", Fault.ResourceInUse());

        using (var first = world.Detect(Batches.Now, state))
        {
            await first.RunAsync(AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]));
        }

        using var next = world.Detect(Batches.Now.AddMinutes(2), state);
        await next.RunAsync(AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup], idBase: 100));

        Assert.Single(AwsScenario.Succeeded(world.Proxy, "UpdateNodegroupConfig", cluster));
    }

    [Fact]
    public async Task Detect_NodegroupBusyWithAnotherUpdate_OutcomeAuditedNotLost()
    {
        const string cluster = "busy-audit-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        world.Proxy.Reset();
        world.Proxy.Inject("UpdateNodegroupConfig", Fault.ResourceInUse());

        using var first = world.Detect(Batches.Now, state);
        var response = await first.ResponseAsync(AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]));

        var label = Assert.Single(AwsScenario.Actions(response, "eks-label-nodegroup"));
        Assert.Contains("ResourceInUse", label.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var audit = await new FileStateStore(state, new FakeTimeProvider(Batches.Now)).GetAuditAsync(cluster, Batches.Now.AddHours(-1));
        Assert.Contains(audit, a => a.ActionType == "eks-label-nodegroup");
    }

    [Fact]
    public async Task EksClient_AnswerSlowerThanTheAttemptTimeout_RetriedWithinTheBudget()
    {
        const string cluster = "slow-eks";
        await world.SeedClusterAsync(cluster, 1);
        world.Proxy.Reset();
        world.Proxy.Inject("DescribeCluster", Fault.Slow(TimeSpan.FromSeconds(5)));
        world.ApplyEnvironment();
        using var aws = new AwsClientFactory(AwsSettings.FromEnvironment(Environment.GetEnvironmentVariable) with { AttemptTimeout = TimeSpan.FromSeconds(1) }, TimeProvider.System, SharedRandomJitter.Instance);

        var described = await aws.Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = cluster });

        Assert.Equal(cluster, described.Cluster?.Name);
        Assert.Equal(2, world.Proxy.Arrivals.Count(r => ProxiedRequest.OperationOf(r) == "DescribeCluster"));
    }

    [Fact]
    public async Task EksClient_PagedNodegroupList_FollowsEveryPage()
    {
        const string cluster = "paged-eks";
        await world.SeedClusterAsync(cluster, 3);
        world.Proxy.Reset();
        world.Proxy.Inject(r => ProxiedRequest.OperationOf(r) == "ListNodegroups" && !r.Query.Contains("nextToken", StringComparison.Ordinal),
            new Fault { Name = "first-page", Status = 200, Body = """{"nodegroups":["ng-al2-000"],"nextToken":"page-2"}""" });
        world.Proxy.Inject(r => ProxiedRequest.OperationOf(r) == "ListNodegroups" && r.Query.Contains("nextToken=page-2", StringComparison.Ordinal),
            new Fault { Name = "second-page", Status = 200, Body = """{"nodegroups":["ng-al2-001","ng-al2-002"],"nextToken":"page-3"}""" });
        world.Proxy.Inject(r => ProxiedRequest.OperationOf(r) == "ListNodegroups" && r.Query.Contains("nextToken=page-3", StringComparison.Ordinal),
            Fault.Throttling());
        world.Proxy.Inject(r => ProxiedRequest.OperationOf(r) == "ListNodegroups" && r.Query.Contains("nextToken=page-3", StringComparison.Ordinal),
            new Fault { Name = "last-page", Status = 200, Body = """{"nodegroups":["ng-al2023-general"]}""" });
        world.ApplyEnvironment();
        using var aws = new AwsClientFactory(AwsSettings.FromEnvironment(Environment.GetEnvironmentVariable), TimeProvider.System, SharedRandomJitter.Instance);

        var names = await aws.Eks.ListAllNodegroupsAsync(cluster);

        Assert.Equal(["ng-al2-000", "ng-al2-001", "ng-al2-002", "ng-al2023-general"], names);
        Assert.Equal(4, world.Proxy.Requests.Count(r => r.Operation == "ListNodegroups"));
    }

    public void Dispose()
    {
        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static Fault Named(string name) => name switch
    {
        "throttling-429" => Fault.Throttling(),
        "throttling-query" => Fault.QueryThrottling(),
        "ec2-request-limit" => Fault.Ec2RequestLimitExceeded(),
        "connection-reset" => Fault.ConnectionReset(),
        "server-500" => Fault.ServerError(500),
        "server-503" => Fault.ServerError(503),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown fault"),
    };
}
