using System.Text;
using System.Text.Json;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Events;

public sealed class EventBridgeClientTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    private static PutEventsRequestEntry Entry(int n, string? bus = null) => new()
    {
        Source = "instanton-remediate",
        DetailType = "InstantOn Restore Failure Group",
        Detail = $$"""{"schemaVersion":"1","cluster":"prod","n":{{n}}}""",
        Time = At,
        Resources = ["arn:aws:eks:us-east-1:123456789012:cluster/prod"],
        EventBusName = bus,
    };

    [Fact]
    public async Task PutEvents_RequestsAndCannedResponses_ValidAgainstBotocoreModel()
    {
        var handler = new RecordingHandler(r => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(JsonDocument.Parse(r.Body).RootElement.GetProperty("Entries").GetArrayLength())));
        using var aws = TestAws.Recording(handler);
        var events = aws.CreateEventBridge();

        await events.PutEventsAsync(new PutEventsRequest { Entries = [Entry(1, EventBridgeCannedResponses.CentralBusArn), Entry(2, "instanton-events")] });
        await events.PutEventsAsync(new PutEventsRequest { Entries = [.. Enumerable.Range(1, 10).Select(i => Entry(i) with { Time = null, Resources = null })] });

        var report = new BotocoreValidator()
            .Requests("events", handler.Requests)
            .Request("events", handler.Requests[1] with { Body = """{"Entries":[{"Source":"s","DetailType":"d","Detail":"{}","EventBus":"central"}]}"""u8.ToArray() })
            .Response("events", "PutEvents", 200, EventBridgeCannedResponses.AllOk(2))
            .Response("events", "PutEvents", 200, EventBridgeCannedResponses.PartlyFailed)
            .Response("events", "PutEvents", 500, EventBridgeCannedResponses.InternalFailure)
            .Response("events", "PutEvents", 400, EventBridgeCannedResponses.AccessDenied)
            .Validate();

        Assert.Equal(["PutEvents", "PutEvents", "PutEvents"], report.Requests.Select(r => r.Operation));
        Assert.Contains(report.Requests[2].Errors, e => e.Contains("EventBus", StringComparison.Ordinal));
        Assert.All(report.Requests.Take(2).Concat(report.Responses), r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task PutEvents_Wire_Json11TargetPascalCaseAndEpochSeconds()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1)));
        using var aws = TestAws.Recording(handler);

        var response = await aws.CreateEventBridge().PutEventsAsync(new PutEventsRequest { Entries = [Entry(1, EventBridgeCannedResponses.CentralBusArn)] });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("AWSEvents.PutEvents", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Contains("/events/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var entry = body.RootElement.GetProperty("Entries")[0];
        Assert.Equal(["Time", "Source", "Resources", "DetailType", "Detail", "EventBusName"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(At.ToUnixTimeSeconds(), entry.GetProperty("Time").GetDouble());
        Assert.Equal(EventBridgeCannedResponses.CentralBusArn, entry.GetProperty("EventBusName").GetString());
        Assert.Equal("11710aed-b79e-4468-a20b-bb3c0c3b4001", Assert.Single(response.Entries).EventId);
    }

    [Fact]
    public async Task PutEvents_ElevenEntriesOrOversizedEntry_RejectedBeforeSending()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1)));
        using var aws = TestAws.Recording(handler);
        var events = aws.CreateEventBridge();

        await Assert.ThrowsAsync<ArgumentException>(() => events.PutEventsAsync(new PutEventsRequest { Entries = [.. Enumerable.Range(1, 11).Select(i => Entry(i))] }));
        await Assert.ThrowsAsync<ArgumentException>(() => events.PutEventsAsync(new PutEventsRequest()));
        var big = Entry(1) with { Detail = "{\"x\":\"" + new string('x', EventEntrySize.MaxBytes) + "\"}" };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => events.PutEventsAsync(new PutEventsRequest { Entries = [big] }));

        Assert.Contains("262144", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PutEvents_InternalErrorThenOk_RetriedByChannel()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(500, EventBridgeCannedResponses.InternalFailure), ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1)));
        using var aws = TestAws.Loopback(server);

        var response = await aws.CreateEventBridge().PutEventsAsync(new PutEventsRequest { Entries = [Entry(1)] });

        Assert.Equal(0, response.FailedEntryCount);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PutEvents_AccessDenied_ServiceErrorNotRetried()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(400, EventBridgeCannedResponses.AccessDenied));
        using var aws = TestAws.Loopback(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.CreateEventBridge().PutEventsAsync(new PutEventsRequest { Entries = [Entry(1)] }));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PutEvents_GlobalEndpointId_RefusedBeforeSending()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1)));
        using var aws = TestAws.Recording(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => aws.CreateEventBridge().PutEventsAsync(new PutEventsRequest { Entries = [Entry(1)], EndpointId = "abcde.veo" }));

        Assert.Contains("global endpoints", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void EntrySize_CountsTimeSourceDetailTypeDetailAndResourcesInUtf8()
    {
        var entry = new PutEventsRequestEntry { Source = "s", DetailType = "dt", Detail = "{\"é\":1}", Time = At, Resources = ["ab", "c"] };

        Assert.Equal(14 + 1 + 2 + Encoding.UTF8.GetByteCount("{\"é\":1}") + 3, EventEntrySize.Of(entry));
        Assert.Equal(1 + 2 + 2, EventEntrySize.Of(new PutEventsRequestEntry { Source = "s", DetailType = "dt", Detail = "{}" }));
    }
}
