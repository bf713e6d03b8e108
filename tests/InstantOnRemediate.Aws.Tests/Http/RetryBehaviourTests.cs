using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Aws.Tests.Http;

/// <summary>Retry policy at the wire: what is retried, how often, and what the caller finally sees.</summary>
public sealed class RetryBehaviourTests
{
    private const string NodegroupList = Eks.EksCannedResponses.OneNodegroup;

    private static ListNodegroupsRequest List => new() { ClusterName = "prod" };

    [Fact]
    public async Task ListNodegroups_429ThenOk_RetriedOnceAndSucceeds()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(
            ScriptedResponse.Json(429, """{"message":"Rate exceeded"}""", ("x-amzn-ErrorType", "TooManyRequestsException")),
            ScriptedResponse.Json(200, NodegroupList));
        var jitter = new FixedJitter(0);
        using var aws = TestAws.Loopback(server, jitter: jitter);

        var response = await aws.Eks.ListNodegroupsAsync(List);

        Assert.Equal(["ng-a"], response.Nodegroups);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, jitter.Draws);
    }

    [Fact]
    public async Task ListNodegroups_ThrottlingCodeOn400_Retried()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(
            ScriptedResponse.Json(400, """{"message":"slow down"}""", ("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")),
            ScriptedResponse.Json(200, NodegroupList));
        using var aws = TestAws.Loopback(server);

        await aws.Eks.ListNodegroupsAsync(List);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task UpdateNodegroupConfig_400_NotRetried()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(400, """{"message":"label key too long","nodegroupName":"ng-a"}""", ("x-amzn-ErrorType", "InvalidParameterException")));
        var jitter = new FixedJitter(0);
        using var aws = TestAws.Loopback(server, jitter: jitter);

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-a",
            Labels = new() { AddOrUpdateLabels = new() { ["k"] = "v" } },
        }));

        Assert.Equal(EksErrorKind.Invalid, error.Kind);
        Assert.Single(server.Requests);
        Assert.Equal(0, jitter.Draws);
    }

    [Fact]
    public async Task ListNodegroups_500EveryTime_GivesUpAfterMaxAttempts()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(500, """{"message":"internal"}""", ("x-amzn-ErrorType", "ServerException")));
        using var aws = TestAws.Loopback(server, maxAttempts: 4);

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.ListNodegroupsAsync(List));

        Assert.Equal(EksErrorKind.Server, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains("4 attempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListNodegroups_ConnectionResetThenOk_Retried()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.ConnectionReset(), ScriptedResponse.Json(200, NodegroupList));
        using var aws = TestAws.Loopback(server);

        var response = await aws.Eks.ListNodegroupsAsync(List);

        Assert.Equal(["ng-a"], response.Nodegroups);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FilterLogEvents_ConnectionResetEveryTime_TransientErrorAfterMaxAttempts()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.ConnectionReset());
        using var aws = TestAws.Loopback(server, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/g" }));

        Assert.Equal("ConnectionFailure", error.ErrorCode);
        Assert.Equal(0, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ListNodegroups_AttemptTimesOut_RetriedOnNextAttempt()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.NoAnswer(), ScriptedResponse.Json(200, NodegroupList));
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var aws = TestAws.Loopback(server, time: time);

        var call = aws.Eks.ListNodegroupsAsync(List);
        await server.WaitForHangingRequestAsync();
        time.Advance(aws.Settings.AttemptTimeout);
        var response = await call;

        Assert.Equal(["ng-a"], response.Nodegroups);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ListNodegroups_TimesOutOnLastAttempt_OtherKindWithTimeoutCode()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.NoAnswer());
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var aws = TestAws.Loopback(server, maxAttempts: 1, time: time);

        var call = aws.Eks.ListNodegroupsAsync(List);
        await server.WaitForHangingRequestAsync();
        time.Advance(aws.Settings.AttemptTimeout);
        var error = await Assert.ThrowsAsync<EksServiceException>(() => call);

        Assert.Equal("RequestTimeout", error.ErrorCode);
        Assert.Equal(EksErrorKind.Other, error.Kind);
        Assert.IsType<AwsServiceException>(error.InnerException);
    }

    [Fact]
    public async Task ListNodegroups_CallerCancels_NotRetried()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.NoAnswer());
        using var aws = TestAws.Loopback(server);
        using var cancel = new CancellationTokenSource();

        var call = aws.Eks.ListNodegroupsAsync(List, cancel.Token);
        await server.WaitForHangingRequestAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_NonZeroJitter_WaitsOnInjectedClock()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(503, """{"message":"busy"}"""), ScriptedResponse.Json(200, NodegroupList));
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var jitter = new FixedJitter(0.5);
        using var aws = TestAws.Loopback(server, time: time, jitter: jitter);

        var call = aws.Eks.ListNodegroupsAsync(List);
        for (var spins = 0; jitter.Draws == 0 && spins < 2000; spins++)
        {
            await Task.Delay(5);
        }

        // The backoff timer only fires when the injected clock moves: the second attempt waits for it.
        Assert.Single(server.Requests);
        for (var spins = 0; !call.IsCompleted && spins < 2000; spins++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5);
        }

        Assert.Equal(["ng-a"], (await call).Nodegroups);
        Assert.Equal(2, server.Requests.Count);
    }
}
