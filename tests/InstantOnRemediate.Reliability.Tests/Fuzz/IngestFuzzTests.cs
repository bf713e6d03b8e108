using System.Text;
using System.Text.Json;
using CsCheck;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Reliability.Tests.Support;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.Fuzz;

/// <summary>
/// Property runs over the subscription decoder, the record parser and the whole detect entry point (fixed seed;
/// FUZZ_ITERATIONS=N for a longer run): nothing but an InvalidRequest or an answer ever comes out, and every event
/// is either read or rejected with a reason.
/// </summary>
public sealed class IngestFuzzTests
{
    private static readonly string[] EventReasons =
    [
        RejectionReasons.EventNotObject, RejectionReasons.EventInvalidId, RejectionReasons.EventInvalidTimestamp, RejectionReasons.EventInvalidMessage,
        RejectionReasons.EventInvalidUtf8, RejectionReasons.EventNulByte, RejectionReasons.EventMessageTooLarge, RejectionReasons.DuplicateEventId,
    ];

    /// <summary>One logEvents item as raw JSON: ids, timestamps and messages of every type, hostile text, duplicates.</summary>
    private static readonly Gen<string> EventJson = Gen.Select(
        Gen.OneOf(Gen.Int[0, 20].Select(i => JsonText.Quote(Batches.EventId(i))), Gen.Const("12"), Gen.Const("null"), Gen.Const(""), Support.Fuzz.HostileText(20).Select(JsonText.Quote)),
        Gen.OneOf(Gen.Long[0, 1_800_000_000_000].Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("\"1\""), Gen.Const("1.5"), Gen.Const("-1e400"), Gen.Const("")),
        Gen.OneOf(
            Support.Fuzz.HostileText(200).Select(JsonText.Quote),
            Gen.Select(Support.Fuzz.HostileText(30), Support.Fuzz.HostileText(30), Gen.Int[0, 2]).Select((pod, log, line) => JsonText.Quote(Batches.ContainerInsightsRaw(Batches.Signal11Restore[line] + log, pod))),
            Gen.Const("{\"log\":\"x\"}"), Gen.Const("[]"), Gen.Const("7"), Gen.Const("")),
        Gen.Int[0, 9]).Select((id, ts, message, shape) => shape switch
        {
            0 => message.Length == 0 ? "null" : message,
            _ => "{" + string.Join(",", new[] { id.Length > 0 ? "\"id\":" + id : null, ts.Length > 0 ? "\"timestamp\":" + ts : null, message.Length > 0 ? "\"message\":" + message : null }.OfType<string>()) + "}",
        });

    [Fact]
    public void Decode_GeneratedEvents_EveryEventReadOrRejectedWithAnEventReason()
    {
        var gen = EventJson.Array[0, 40];
        var runs = Support.Fuzz.ForEach(gen, 11, 300, events =>
        {
            var payload = Encoding.UTF8.GetBytes("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"" + Batches.LogGroup + "\",\"logStream\":\"s\",\"logEvents\":[" + string.Join(",", events) + "]}");

            var batch = SubscriptionDecoder.Decode(Batches.Envelope(payload));

            var logs = Assert.IsType<LogsPayload>(batch.Payload);
            Assert.Equal(events.Length, logs.LogEvents.Count + batch.Rejected.Count);
            Assert.All(batch.Rejected, r => Assert.Contains(r.Reason, EventReasons));
            Assert.All(batch.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
            Assert.All(logs.LogEvents, e => Assert.DoesNotContain('\0', e.Message!));
            Assert.Equal(logs.LogEvents.Count, logs.LogEvents.Select(e => e.Id).Distinct().Count());
        });
        Assert.True(runs > 0);
    }

    [Fact]
    public void Parse_HostileWellFormedText_NeverThrowsAndKeepsPlainTextWhole()
    {
        var runs = Support.Fuzz.ForEach(Support.Fuzz.WellFormedText(300), 12, 2000, text =>
        {
            var record = LogRecordParser.Parse(text);

            Assert.NotNull(record.Text);
            if (!text.TrimStart().StartsWith('{'))
            {
                Assert.Equal(LogRecordParser.StripCriPrefix(text), record.Text);
            }
        });
        Assert.True(runs > 0);
    }

    [Fact]
    public void Parse_JsonLikeTextWithLoneSurrogate_TreatedAsPlainText()
    {
        var record = LogRecordParser.Parse("{\"log\":\"x\ud928\"}");

        Assert.NotNull(record.Text);
    }

    [Fact]
    public void Parse_ContainerInsightsWithHostileFields_ReturnsThemVerbatimAsData()
    {
        var gen = Gen.Select(Support.Fuzz.HostileText(40), Support.Fuzz.HostileText(40), Support.Fuzz.HostileText(80));
        var runs = Support.Fuzz.ForEach(gen, 13, 1000, t =>
        {
            var (pod, ns, log) = t;
            var json = Batches.ContainerInsightsRaw(log, pod, ns);
            var wellFormed = !(pod + ns + log).Any(char.IsSurrogate);

            var record = LogRecordParser.Parse(json);

            if (wellFormed)
            {
                Assert.Equal(log, record.Text);
                Assert.Equal(pod, record.Source.Pod);
                Assert.Equal(ns, record.Source.Namespace);
            }
        });
        Assert.True(runs > 0);
    }

    [Fact]
    public async Task Detect_MutatedShippedEnvelope_AnswersOrRejectsAsInvalidRequestOnly()
    {
        var envelope = File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.json"));
        using var detect = Invocation.Detect();

        var runs = await Support.Fuzz.ForEachAsync(Support.Fuzz.Mutations(envelope.Length), 14, 150, async mutation =>
        {
            var result = await detect.RunAsync(Support.Fuzz.Apply(envelope, mutation));

            AssertAnsweredOrInvalid(result, 12);
        });
        Assert.True(runs > 0);
    }

    [Fact]
    public async Task Detect_MutatedDecodedPayload_AnswersOrRejectsAsInvalidRequestOnly()
    {
        var decoded = File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.decoded.json"));
        using var detect = Invocation.Detect();

        var runs = await Support.Fuzz.ForEachAsync(Support.Fuzz.Mutations(decoded.Length), 15, 150, async mutation =>
        {
            var result = await detect.RunAsync(Batches.Envelope(Support.Fuzz.Apply(decoded, mutation)));

            // A mutation that empties the payload gzips to nothing: awslogs.data is then empty, an InvalidRequest.
            AssertAnsweredOrInvalid(result, 13);
        });
        Assert.True(runs > 0);
    }

    [Fact]
    public async Task Detect_GeneratedBatches_AlwaysAnswered()
    {
        using var detect = Invocation.Detect();
        var runs = await Support.Fuzz.ForEachAsync(EventJson.Array[0, 30], 16, 100, async events =>
        {
            var payload = Encoding.UTF8.GetBytes("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"" + Batches.LogGroup + "\",\"logStream\":\"s\",\"logEvents\":[" + string.Join(",", events) + "]}");

            var result = await detect.RunAsync(Batches.Envelope(payload));

            Assert.True(result.Succeeded, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
            var batch = JsonDocument.Parse(result.Response!).RootElement.GetProperty("batch");
            Assert.Equal(events.Length, batch.GetProperty("events").GetInt32() + batch.GetProperty("rejected").GetArrayLength());
        });
        Assert.True(runs > 0);
    }

    private static void AssertAnsweredOrInvalid(InvocationResult result, int maxEvents)
    {
        if (!result.Succeeded)
        {
            Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
            Assert.StartsWith("detect: ", result.Error.ErrorMessage, StringComparison.Ordinal);
            return;
        }

        var root = JsonDocument.Parse(result.Response!).RootElement;
        var batch = root.GetProperty("batch");
        Assert.True(batch.GetProperty("events").GetInt32() + batch.GetProperty("rejected").GetArrayLength() <= maxEvents + 1);
        Assert.True(root.GetProperty("findings").GetArrayLength() <= Math.Max(1, batch.GetProperty("events").GetInt32()));
    }
}
