using System.Text.Json;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Handlers;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Handlers;

public sealed class RunbookHandlerTests
{
    public static TheoryData<string> Actions() => [.. RunbookActions.All];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task HandleAsync_SampleRequest_EchoesActionAndSaysItIsNotCarriedOut(string action)
    {
        var handler = FunctionFactory.Create("runbook", new FunctionOptions { Mode = "enforce" });
        var payload = File.ReadAllBytes(RepoPaths.Event("runbook", action + ".json"));

        var root = JsonDocument.Parse(await handler.HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None)).RootElement;

        Assert.Equal(action, root.GetProperty("action").GetString());
        Assert.Equal("enforce", root.GetProperty("mode").GetString());
        Assert.Equal("not-available", root.GetProperty("status").GetString());
        Assert.Contains(action, root.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action":"drain"}""", "(got 'drain')")]
    [InlineData("""{"action":7}""", "(got a JSON number)")]
    [InlineData("""{"cluster":"prod-eks"}""", "no 'action'")]
    [InlineData("""["diagnose"]""", "not an object")]
    public async Task HandleAsync_InvalidRequest_ThrowsInvalidRequestSayingWhy(string json, string expected)
    {
        var handler = FunctionFactory.Create("runbook", new FunctionOptions());

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => handler.HandleAsync(SubscriptionEnvelopes.Utf8(json), HandlerTestContext.Create(), CancellationToken.None));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_MalformedSample_IsRejected()
    {
        var handler = FunctionFactory.Create("runbook", new FunctionOptions());
        var payload = File.ReadAllBytes(RepoPaths.Event("runbook", "malformed-unknown-action.json"));

        await Assert.ThrowsAsync<InvalidRequestException>(() => handler.HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None));
    }
}
