using System.Text.Json;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Hosting;

[Collection(RuntimeTestCollection.Name)]
public sealed class LambdaRuntimeTests
{
    private static readonly FunctionOptions Observe = new();

    [Fact]
    public async Task RunAsync_ValidDetectEvent_PostsResponse()
    {
        await using var harness = new RuntimeHarness(FunctionFactory.Create(HandlerNames.Detect, Observe, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System));
        var id = harness.Api.Enqueue(SubscriptionEnvelopes.RestoreFailure());

        var post = await harness.Api.WaitForResultAsync(id);

        Assert.Equal(RecordedPost.Response, post.Kind);
        Assert.Equal("application/json", post.ContentType);
        Assert.Equal("observe", post.Json.GetProperty("plan").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task RunAsync_MalformedEvent_PostsInvalidRequestErrorWithHeaderAndContentType()
    {
        await using var harness = new RuntimeHarness(FunctionFactory.Create(HandlerNames.Detect, Observe, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System));
        var id = harness.Api.Enqueue("""{"Records":[]}""");

        var post = await harness.Api.WaitForResultAsync(id);

        Assert.Equal(RecordedPost.Error, post.Kind);
        Assert.Equal(RuntimeApiHeaders.ErrorContentType, post.ContentType);
        Assert.Equal("InvalidRequest", post.Header(RuntimeApiHeaders.FunctionErrorType));
        Assert.Equal("InvalidRequest", post.Json.GetProperty("errorType").GetString());
        Assert.Contains("'awslogs'", post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, post.Json.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ReportsExceptionTypeAndServesNextEvent()
    {
        var calls = 0;
        var handler = new ScriptedHandler((_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("inventory snapshot has no node groups")
            : "{\"ok\":true}"u8.ToArray());
        await using var harness = new RuntimeHarness(handler);
        var failing = harness.Api.Enqueue("{}");
        var next = harness.Api.Enqueue("{}");

        var error = await harness.Api.WaitForResultAsync(failing);
        var response = await harness.Api.WaitForResultAsync(next);

        Assert.Equal(RecordedPost.Error, error.Kind);
        Assert.Equal("InvalidOperationException", error.Header(RuntimeApiHeaders.FunctionErrorType));
        Assert.Equal("inventory snapshot has no node groups", error.Json.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, error.Json.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal(RecordedPost.Response, response.Kind);
        Assert.Equal("{\"ok\":true}", response.BodyText);
        Assert.False(harness.Loop.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_ResponseOverSixMegabytes_ReportsResponseTooLargeInsteadOfPosting()
    {
        var handler = new ScriptedHandler((payload, _) =>
            payload.Span.SequenceEqual("big"u8) ? new byte[InvocationRunner.MaxResponseBytes + 1] : new byte[InvocationRunner.MaxResponseBytes]);
        await using var harness = new RuntimeHarness(handler);
        var tooBig = harness.Api.Enqueue("big");
        var atLimit = harness.Api.Enqueue("limit");

        var error = await harness.Api.WaitForResultAsync(tooBig);
        var response = await harness.Api.WaitForResultAsync(atLimit);

        Assert.Equal(RecordedPost.Error, error.Kind);
        Assert.Equal(RuntimeError.ResponseTooLargeType, error.Json.GetProperty("errorType").GetString());
        Assert.DoesNotContain(harness.Api.Posts, p => p.RequestId == tooBig && p.Kind == RecordedPost.Response);
        Assert.Equal(RecordedPost.Response, response.Kind);
        Assert.Equal(6 * 1024 * 1024, response.Body.Length);
    }

    [Fact]
    public async Task RunAsync_ResponseRejectedWith413_ReportsResponseTooLargeError()
    {
        await using var harness = new RuntimeHarness(new ScriptedHandler((_, _) => "{\"small\":true}"u8.ToArray()));
        harness.Api.ResponseStatus = 413;
        var id = harness.Api.Enqueue("{}");

        var error = await harness.Api.WaitForResultAsync(id);

        Assert.Equal(RecordedPost.Error, error.Kind);
        Assert.Equal(RuntimeError.ResponseTooLargeType, error.Header(RuntimeApiHeaders.FunctionErrorType));
        Assert.Contains(harness.Api.Posts, p => p.RequestId == id && p.Kind == RecordedPost.Response && p.Status == 413);
    }

    [Fact]
    public async Task RunAsync_TraceIdHeader_SetsTraceEnvironmentPerInvocation()
    {
        var handler = new ScriptedHandler((_, _) => "{}"u8.ToArray());
        await using var harness = new RuntimeHarness(handler);
        const string trace = "Root=1-6647c2a2-5e0b1f3c9d8e7a6b5c4d3e2f;Parent=53995c3f42cd8ad8;Sampled=1";
        var traced = harness.Api.Enqueue("{}", traceId: trace);
        var untraced = harness.Api.Enqueue("{}");

        await harness.Api.WaitForResultAsync(traced);
        await harness.Api.WaitForResultAsync(untraced);

        Assert.Equal(trace, handler.Seen[0].TraceEnvironment);
        Assert.Equal(trace, handler.Seen[0].Context.TraceId);
        Assert.Null(handler.Seen[1].TraceEnvironment);
    }

    [Fact]
    public async Task RunAsync_DeadlineAndArnHeaders_ReachInvocationContext()
    {
        var handler = new ScriptedHandler((_, _) => "{}"u8.ToArray());
        await using var harness = new RuntimeHarness(handler);
        var deadline = RuntimeHarness.Start.AddSeconds(42);
        const string arn = "arn:aws:lambda:us-east-1:123456789012:function:instanton-detect";
        var id = harness.Api.Enqueue("{}", requestId: "7f3c2b1a-0d9e-4c8b-a7f6-e5d4c3b2a190", deadline: deadline, functionArn: arn);

        await harness.Api.WaitForResultAsync(id);

        var context = Assert.Single(handler.Seen).Context;
        Assert.Equal("7f3c2b1a-0d9e-4c8b-a7f6-e5d4c3b2a190", context.RequestId);
        Assert.Equal(deadline, context.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(42), context.RemainingTime);
        Assert.Equal(arn, context.InvokedFunctionArn);
    }

    [Fact]
    public async Task RunAsync_InvocationLogs_CarryRequestIdHandlerAndErrorType()
    {
        await using var harness = new RuntimeHarness(FunctionFactory.Create(HandlerNames.Runbook, Observe, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System));
        var id = harness.Api.Enqueue("""{"action":"drain"}""");
        await harness.Api.WaitForResultAsync(id);
        await harness.Api.WaitForNextPollsAsync(2);

        var failed = Assert.Single(harness.LogLines(), l => l.GetProperty("message").GetString() == "invocation failed");

        Assert.Equal(id, failed.GetProperty("requestId").GetString());
        Assert.Equal("runbook", failed.GetProperty("handler").GetString());
        Assert.Equal("warn", failed.GetProperty("level").GetString());
        Assert.Equal("InvalidRequest", failed.GetProperty("errorType").GetString());
        Assert.Equal("2025-05-08T10:15:30.000Z", failed.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task RunAsync_NextAnswers500_ExitsWithOne()
    {
        await using var harness = new RuntimeHarness(new ScriptedHandler((_, _) => []));
        harness.Api.NextStatus = 500;

        // The first poll may already be waiting for an event; a queued one lets it return and poll again.
        harness.Api.Enqueue("{}");

        Assert.Equal(1, await harness.Loop.WaitAsync(FakeRuntimeApi.DefaultWait));
    }

    [Fact]
    public async Task RunAsync_RuntimeApiUnreachable_ExitsWithOne()
    {
        using var api = new RuntimeApiClient($"127.0.0.1:{MotoServer.FreePort()}", TimeProvider.System);
        var runtime = new LambdaRuntime(api, new ScriptedHandler((_, _) => []), TimeProvider.System, JsonLogger.Null);

        Assert.Equal(1, await runtime.RunAsync(CancellationToken.None).WaitAsync(FakeRuntimeApi.DefaultWait));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsZero()
    {
        await using var harness = new RuntimeHarness(new ScriptedHandler((_, _) => []));
        await harness.Api.WaitForNextPollsAsync(1);

        Assert.Equal(0, await harness.StopAsync());
    }

    [Fact]
    public void RuntimeApiClient_AddressWithPath_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new RuntimeApiClient("127.0.0.1:9001/extra", TimeProvider.System));
        Assert.Throws<ArgumentException>(() => new RuntimeApiClient(" ", TimeProvider.System));
        using var client = new RuntimeApiClient("127.0.0.1:9001", TimeProvider.System);
        Assert.Equal("http://127.0.0.1:9001/2018-06-01/", client.BaseAddress.ToString());
    }

    [Fact]
    public void RuntimeError_HeaderErrorType_KeepsOnlyHeaderSafeCharacters()
    {
        Assert.Equal("List1String", new RuntimeError("m", "List`1[String]\r\n", []).HeaderErrorType());
        Assert.Equal("Unhandled", new RuntimeError("m", "\r\n", []).HeaderErrorType());
        Assert.Equal("Runtime.NoSuchHandler", new RuntimeError("m", "Runtime.NoSuchHandler", []).HeaderErrorType());
    }
}
