using System.Text;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Reliability.Tests.Support;

namespace InstantOnRemediate.Reliability.Tests.BadInput;

/// <summary>The catalog of bad deliveries every entry point is tried with (in process and through the published binary).</summary>
internal static class BadInputs
{
    /// <summary>1 GiB of zeros: gzip makes ~1 MB of it, which fits the envelope; inflating it must stop at the limit.</summary>
    public const long BombBytes = 1L << 30;

    private static readonly Lazy<byte[]> Bomb = new(() => Batches.EnvelopeOfData(Convert.ToBase64String(Batches.GzipOfZeros(BombBytes))));

    /// <summary>One good restore-failure episode; every event-level case carries it so "the rest of the batch" can be checked.</summary>
    public static IEnumerable<LogEvent> Good => Batches.Episode(1, Batches.Start, "orders-7d9f8b6c5-x2k4q");

    public static readonly IReadOnlyList<BadInputCase> All =
    [
        // Not a subscription event.
        new("invalid-json", () => "{\"awslogs\": {\"data\": "u8.ToArray(), Answer.InvalidRequest, "not valid JSON"),
        new("empty-event", () => [], Answer.InvalidRequest, "the event is empty"),
        new("json-array", () => "[1,2,3]"u8.ToArray(), Answer.InvalidRequest, "is a JSON array, not an object"),
        new("missing-awslogs", () => "{\"records\":[]}"u8.ToArray(), Answer.InvalidRequest, "no 'awslogs' member"),
        new("awslogs-not-object", () => "{\"awslogs\":\"H4sI\"}"u8.ToArray(), Answer.InvalidRequest, "'awslogs' must be an object"),
        new("data-not-string", () => "{\"awslogs\":{\"data\":42}}"u8.ToArray(), Answer.InvalidRequest, "'awslogs.data' must be a string"),
        new("data-empty", () => "{\"awslogs\":{\"data\":\"\"}}"u8.ToArray(), Answer.InvalidRequest, "'awslogs.data' is empty"),
        new("lone-surrogate-data", () => "{\"awslogs\":{\"data\":\"\\ud800H4sI\"}}"u8.ToArray(), Answer.InvalidRequest, "'awslogs.data' is not valid UTF-8"),
        new("deeply-nested-event", () => Encoding.ASCII.GetBytes("{\"awslogs\":" + new string('[', 5000) + new string(']', 5000) + "}"), Answer.InvalidRequest, "not valid JSON"),
        new("invalid-utf8-envelope", () => [.. "{\"awslogs\":{\"data\":\""u8, 0xC3, 0x28, .. "\"}}"u8], Answer.InvalidRequest, "'awslogs.data' is not valid UTF-8"),

        // A subscription event whose data is damaged: the whole delivery is rejected with a reason.
        new("invalid-base64", () => Batches.EnvelopeOfData("H4sI!!not*base64"), Answer.BatchRejected, RejectionReasons.InvalidBase64),
        new("not-gzip", () => Batches.EnvelopeOfData(Convert.ToBase64String("{\"messageType\":\"DATA_MESSAGE\"}"u8)), Answer.BatchRejected, RejectionReasons.NotGzip),
        new("truncated-gzip", () => Batches.EnvelopeOfData(Convert.ToBase64String(Batches.Gzip(Batches.Payload(Good))[..60])), Answer.BatchRejected, RejectionReasons.InvalidGzip),
        new("gzip-bomb-1GiB", () => Bomb.Value, Answer.BatchRejected, RejectionReasons.DecompressedTooLarge),
        new("envelope-over-limit", () => Batches.EnvelopeOfData(new string('A', 2_000_000)), Answer.BatchRejected, RejectionReasons.EnvelopeTooLarge),
        new("payload-not-json", () => Batches.Envelope("this is not json"u8.ToArray()), Answer.BatchRejected, RejectionReasons.InvalidPayloadJson),
        new("payload-deeply-nested", () => Batches.Envelope(Encoding.ASCII.GetBytes("{\"messageType\":\"DATA_MESSAGE\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}")), Answer.BatchRejected, RejectionReasons.InvalidPayloadJson),
        new("payload-invalid-utf8", () => Batches.Envelope([.. "{\"messageType\":\"DATA_"u8, 0xFF, .. "\"}"u8]), Answer.BatchRejected, RejectionReasons.InvalidPayload),
        new("unknown-message-type", () => Batches.Envelope(Batches.Payload(Good, messageType: "$(reboot)\nDATA")), Answer.BatchRejected, RejectionReasons.UnknownMessageType),
        new("message-type-wrong-type", () => Batches.Envelope("{\"messageType\":7,\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":[]}"u8.ToArray()), Answer.BatchRejected, RejectionReasons.InvalidPayload),
        new("log-events-wrong-type", () => Batches.Envelope("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":{}}"u8.ToArray()), Answer.BatchRejected, RejectionReasons.InvalidPayload),
        new("log-group-missing", () => Batches.Envelope("{\"messageType\":\"DATA_MESSAGE\",\"logStream\":\"s\",\"logEvents\":[]}"u8.ToArray()), Answer.BatchRejected, RejectionReasons.InvalidPayload),

        // One bad event among good ones: rejected alone.
        new("huge-single-message", () => Batches.Envelope(Batches.Payload([.. Good, new LogEvent(Batches.EventId(900), Batches.Start, new string('x', 1_000_000))])), Answer.EventRejected, RejectionReasons.EventMessageTooLarge),
        new("100k-tiny-events", () => Batches.Envelope(Batches.Payload([.. Good, .. Enumerable.Range(0, 100_000).Select(i => new LogEvent(Batches.EventId(1_000 + i), Batches.Start + i, "x"))])), Answer.EventRejected, RejectionReasons.TooManyEvents),
        new("invalid-utf8-message", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, [.. "{\"id\":\"9001\",\"timestamp\":1,\"message\":\"caf"u8, 0xC3, 0x28, .. "\"}"u8])), Answer.EventRejected, RejectionReasons.EventInvalidUtf8),
        new("lone-surrogate-message", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, "{\"id\":\"9001\",\"timestamp\":1,\"message\":\"\\ud800x\"}"u8.ToArray())), Answer.EventRejected, RejectionReasons.EventInvalidUtf8),
        new("nul-byte-message", () => Batches.Envelope(Batches.Payload([.. Good, new LogEvent(Batches.EventId(900), Batches.Start, "Restoring FAILED.\0$(reboot)")])), Answer.EventRejected, RejectionReasons.EventNulByte),
        new("id-wrong-type", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, "{\"id\":12,\"timestamp\":1,\"message\":\"m\"}"u8.ToArray())), Answer.EventRejected, RejectionReasons.EventInvalidId),
        new("id-oversized", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, Encoding.ASCII.GetBytes("{\"id\":\"" + new string('9', 10_000) + "\",\"timestamp\":1,\"message\":\"m\"}"))), Answer.EventRejected, RejectionReasons.EventInvalidId),
        new("timestamp-wrong-type", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, "{\"id\":\"9001\",\"timestamp\":\"yesterday\",\"message\":\"m\"}"u8.ToArray())), Answer.EventRejected, RejectionReasons.EventInvalidTimestamp),
        new("timestamp-fractional", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, "{\"id\":\"9001\",\"timestamp\":1.5e300,\"message\":\"m\"}"u8.ToArray())), Answer.EventRejected, RejectionReasons.EventInvalidTimestamp),
        new("message-wrong-type", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, "{\"id\":\"9001\",\"timestamp\":1,\"message\":{\"log\":\"Restoring FAILED.\"}}"u8.ToArray())), Answer.EventRejected, RejectionReasons.EventInvalidMessage),
        new("event-not-object", () => Batches.Envelope(Batches.PayloadWithRawEvents(Good, "\"Restoring FAILED.\""u8.ToArray(), "null"u8.ToArray())), Answer.EventRejected, RejectionReasons.EventNotObject),
        new("duplicate-event-id", () => Batches.Envelope(Batches.Payload([.. Good, new LogEvent(Good.First().Id, Batches.Start, "again")])), Answer.EventRejected, RejectionReasons.DuplicateEventId),
    ];

    public static TheoryData<string> Names(params Answer[] answers)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => answers.Length == 0 || answers.Contains(c.Answer)))
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static BadInputCase Named(string name) => All.Single(c => c.Name == name);
}
