using System.Text.Json;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Handlers;

public sealed class ReconcileHandlerTests
{
    [Fact]
    public async Task HandleAsync_ScheduledEvent_ReportsEventIdAndTime()
    {
        var handler = FunctionFactory.Create("reconcile", new FunctionOptions());
        var payload = File.ReadAllBytes(RepoPaths.Event("reconcile", "schedule.json"));

        var root = JsonDocument.Parse(await handler.HandleAsync(payload, HandlerTestContext.Create(), CancellationToken.None)).RootElement;

        Assert.Equal("observe", root.GetProperty("mode").GetString());
        Assert.Equal("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", root.GetProperty("eventId").GetString());
        Assert.Equal(new DateTimeOffset(2025, 5, 8, 10, 15, 0, TimeSpan.Zero), root.GetProperty("scheduledTime").GetDateTimeOffset());
        Assert.Equal("not-available", root.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HandleAsync_EmptyObject_Accepted()
    {
        var handler = FunctionFactory.Create("reconcile", new FunctionOptions());

        var root = JsonDocument.Parse(await handler.HandleAsync("{}"u8.ToArray(), HandlerTestContext.Create(), CancellationToken.None)).RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("scheduledTime").ValueKind);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"tick\"")]
    [InlineData("{")]
    public async Task HandleAsync_NotAnObject_ThrowsInvalidRequest(string json)
    {
        var handler = FunctionFactory.Create("reconcile", new FunctionOptions());

        await Assert.ThrowsAsync<InvalidRequestException>(() => handler.HandleAsync(SubscriptionEnvelopes.Utf8(json), HandlerTestContext.Create(), CancellationToken.None));
    }
}
