using System.Text.Json;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Events;

public sealed class EventBridgeDeliveryTests
{
    private static PutEventsRequestEntry Entry(int n, int detailBytes = 0) => new()
    {
        Source = "instanton-remediate",
        DetailType = "InstantOn Action Executed",
        Detail = $$"""{"n":{{n}},"pad":"{{new string('p', detailBytes)}}"}""",
    };

    private static EventBridgeDelivery Delivery(AwsClientFactory aws, int rounds = 3) =>
        new(aws.CreateEventBridge(), TimeProvider.System, new FixedJitter(0), new EventDeliveryOptions { MaxRounds = rounds });

    private static List<int> Ns(CapturedRequest request) =>
        [.. JsonDocument.Parse(request.Body).RootElement.GetProperty("Entries").EnumerateArray()
            .Select(e => JsonDocument.Parse(e.GetProperty("Detail").GetString()!).RootElement.GetProperty("n").GetInt32())];

    [Fact]
    public async Task Send_TwentyThreeEntries_ThreeCallsOfAtMostTenInOrder()
    {
        var handler = new RecordingHandler(r => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(Ns(r).Count)));
        using var aws = TestAws.Recording(handler);

        var result = await Delivery(aws).SendAsync([.. Enumerable.Range(0, 23).Select(i => Entry(i))]);

        Assert.True(result.AllDelivered);
        Assert.Equal([10, 10, 3], handler.Requests.Select(r => Ns(r).Count));
        Assert.Equal(Enumerable.Range(0, 23), handler.Requests.SelectMany(Ns));
        Assert.Equal(Enumerable.Range(0, 23), result.Delivered.Select(d => d.Index));
    }

    [Fact]
    public async Task Send_EntriesSummingOver256KB_SplitBySize()
    {
        var handler = new RecordingHandler(r => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(Ns(r).Count)));
        using var aws = TestAws.Recording(handler);

        var result = await Delivery(aws).SendAsync([.. Enumerable.Range(0, 3).Select(i => Entry(i, 100 * 1024))]);

        Assert.True(result.AllDelivered);
        Assert.Equal([2, 1], handler.Requests.Select(r => Ns(r).Count));
        Assert.All(handler.Requests, r => Assert.True(r.Body.Length < 300 * 1024));
    }

    [Fact]
    public async Task Send_OversizedEntry_RefusedWithReasonOthersSent()
    {
        var handler = new RecordingHandler(r => ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(Ns(r).Count)));
        using var aws = TestAws.Recording(handler);

        var result = await Delivery(aws).SendAsync([Entry(0), Entry(1, EventEntrySize.MaxBytes), Entry(2)]);

        var refused = Assert.Single(result.Undelivered);
        Assert.Equal((1, EventDeliveryCodes.EntryTooLarge, 0), (refused.Index, refused.Code, refused.Rounds));
        Assert.Contains("262144", refused.Reason, StringComparison.Ordinal);
        Assert.Equal([0, 2], result.Delivered.Select(d => d.Index));
        Assert.Equal([0, 2], Ns(Assert.Single(handler.Requests)));
    }

    [Fact]
    public async Task Send_ThrottledEntry_ResentAloneMalformedEntryReturned()
    {
        var calls = 0;
        var handler = new RecordingHandler(r => Interlocked.Increment(ref calls) == 1
            ? ScriptedResponse.Json(200, EventBridgeCannedResponses.PartlyFailed)
            : ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(Ns(r).Count)));
        using var aws = TestAws.Recording(handler);

        var result = await Delivery(aws).SendAsync([Entry(0), Entry(1), Entry(2)]);

        Assert.Equal([[0, 1, 2], [1]], handler.Requests.Select(Ns));
        Assert.Equal([(0, 1), (1, 2)], result.Delivered.Select(d => (d.Index, d.Rounds)));
        var malformed = Assert.Single(result.Undelivered);
        Assert.Equal((2, "MalformedDetail", "Detail is malformed."), (malformed.Index, malformed.Code, malformed.Reason));
    }

    [Fact]
    public async Task Send_AlwaysThrottled_GivesUpAfterMaxRounds()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"ThrottlingException","ErrorMessage":"Rate exceeded"}]}"""));
        using var aws = TestAws.Recording(handler);

        var result = await Delivery(aws, rounds: 3).SendAsync([Entry(0)]);

        Assert.Equal(3, handler.Requests.Count);
        var failed = Assert.Single(result.Undelivered);
        Assert.Equal(("ThrottlingException", 3), (failed.Code, failed.Rounds));
        Assert.Contains("after 3 rounds", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WholeCallDenied_EveryEntryOfTheCallReturnedNotThrown()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(400, EventBridgeCannedResponses.AccessDenied));
        using var aws = TestAws.Recording(handler);

        var result = await Delivery(aws).SendAsync([Entry(0), Entry(1)]);

        Assert.Empty(result.Delivered);
        Assert.Equal([("AccessDeniedException", 0), ("AccessDeniedException", 1)], result.Undelivered.Select(u => (u.Code, u.Index)));
    }

    [Fact]
    public async Task Send_Backoff_WaitsOnTheInjectedClockBetweenRounds()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var calledAt = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var handler = new RecordingHandler(_ =>
        {
            calledAt.Enqueue(time.GetUtcNow());
            return calledAt.Count == 1
                ? ScriptedResponse.Json(200, """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}""")
                : ScriptedResponse.Json(200, EventBridgeCannedResponses.AllOk(1));
        });
        using var aws = TestAws.Recording(handler);
        var delivery = new EventBridgeDelivery(aws.CreateEventBridge(), time, new FixedJitter(0.5), new EventDeliveryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(4) });

        var sending = delivery.SendAsync([Entry(0)]);
        for (var i = 0; i < 1000 && calledAt.IsEmpty; i++)
        {
            await Task.Delay(10);
        }

        // Real time passing does not end the wait: only the injected clock does.
        await Task.Delay(100);
        Assert.False(sending.IsCompleted);
        for (var i = 0; i < 2000 && !sending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(5);
        }

        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        var calls = calledAt.ToArray();
        Assert.Equal(2, calls.Length);
        // Jitter 0.5 of a 1 s base: the retry waited at least 500 ms on the injected clock.
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromMilliseconds(500), $"retried after {(calls[1] - calls[0]).TotalMilliseconds} ms");
        Assert.True(result.AllDelivered);
        Assert.Equal(2, handler.Requests.Count);
    }
}
