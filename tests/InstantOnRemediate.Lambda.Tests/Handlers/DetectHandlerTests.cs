using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Handlers;

public sealed class DetectHandlerTests
{
    [Fact]
    public async Task HandleAsync_SubscriptionEnvelope_ReturnsContractShapedResponse()
    {
        var handler = FunctionFactory.Create("detect", new FunctionOptions { Mode = "recommend" }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System);

        var bytes = await handler.HandleAsync(SubscriptionEnvelopes.Utf8(SubscriptionEnvelopes.RestoreFailure()), HandlerTestContext.Create(), CancellationToken.None);

        var root = JsonDocument.Parse(bytes).RootElement;
        var batch = root.GetProperty("batch");
        Assert.Equal(JsonValueKind.String, batch.GetProperty("logGroup").ValueKind);
        Assert.Equal(JsonValueKind.String, batch.GetProperty("logStream").ValueKind);
        Assert.True(batch.GetProperty("events").GetInt32() > 0);
        Assert.Equal(0, batch.GetProperty("rejected").GetArrayLength());
        Assert.Equal("restore-failure", root.GetProperty("findings")[0].GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("correlation").ValueKind);
        var plan = root.GetProperty("plan");
        Assert.StartsWith("plan-", plan.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("recommend", plan.GetProperty("mode").GetString());
        Assert.All(plan.GetProperty("actions").EnumerateArray(), a => Assert.NotEqual("executed", a.GetProperty("status").GetString()));
        Assert.Equal(HandlerTestContext.Now.ToUnixTimeMilliseconds(), plan.GetProperty("createdAt").GetInt64());
    }

    [Fact]
    public async Task HandleAsync_SameEventTwice_SamePlanId()
    {
        // Two cold starts (no shared state) deciding the same batch at the same instant.
        var payload = SubscriptionEnvelopes.Utf8(SubscriptionEnvelopes.RestoreFailure());

        var first = JsonDocument.Parse(await FunctionFactory.Create("detect", new FunctionOptions(), JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System).HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None));
        var second = JsonDocument.Parse(await FunctionFactory.Create("detect", new FunctionOptions(), JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System).HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None));

        Assert.Equal(first.RootElement.GetProperty("plan").GetProperty("id").GetString(), second.RootElement.GetProperty("plan").GetProperty("id").GetString());
    }

    [Fact]
    public async Task HandleAsync_FixedNow_DecidesAtThatInstant()
    {
        var now = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var handler = FunctionFactory.Create("detect", new FunctionOptions { Now = now }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System);

        var bytes = await handler.HandleAsync(SubscriptionEnvelopes.Utf8(SubscriptionEnvelopes.RestoreFailure()), HandlerTestContext.Create(), CancellationToken.None);

        Assert.Equal(now.ToUnixTimeMilliseconds(), JsonDocument.Parse(bytes).RootElement.GetProperty("plan").GetProperty("createdAt").GetInt64());
    }

    [Theory]
    [InlineData("malformed-truncated-json.json", "not valid JSON")]
    [InlineData("malformed-no-awslogs.json", "no 'awslogs' member")]
    [InlineData("malformed-decoded-payload.json", "'awslogs.data' must be a string")]
    [InlineData("malformed-array.json", "is a JSON array, not an object")]
    [InlineData("malformed-empty-data.json", "'awslogs.data' is empty")]
    public async Task HandleAsync_MalformedSample_ThrowsInvalidRequestSayingWhy(string file, string expected)
    {
        var handler = FunctionFactory.Create("detect", new FunctionOptions(), JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System);
        var payload = File.ReadAllBytes(RepoPaths.Event("detect", file));

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => handler.HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("detect: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedSamples_AllCoveredByTheTheory()
    {
        var files = Directory.GetFiles(RepoPaths.Event("detect"), "malformed-*.json").Select(Path.GetFileName).Order();

        Assert.Equal(
            ["malformed-array.json", "malformed-decoded-payload.json", "malformed-empty-data.json", "malformed-no-awslogs.json", "malformed-truncated-json.json"],
            files);
    }

    [Fact]
    public async Task HandleAsync_EmptyPayload_ThrowsInvalidRequest()
    {
        var handler = FunctionFactory.Create("detect", new FunctionOptions(), JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => handler.HandleAsync(ReadOnlyMemory<byte>.Empty, HandlerTestContext.Create(), CancellationToken.None));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }
}
