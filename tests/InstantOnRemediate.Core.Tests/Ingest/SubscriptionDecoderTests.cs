using System.Text;
using System.Text.Json;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Ingest;

public sealed class SubscriptionDecoderTests
{
    /// <summary>Two good events, one of them twice, around one bad event of every kind.</summary>
    private static readonly string[] GoodAndBadEvents =
    [
        Envelopes.Event(Envelopes.EventId(1), 1000, "Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault"),
        "42",
        "{\"id\":123,\"timestamp\":1,\"message\":\"numeric id\"}",
        "{\"id\":\"" + Envelopes.EventId(2) + "\",\"timestamp\":\"soon\",\"message\":\"x\"}",
        "{\"id\":\"" + Envelopes.EventId(3) + "\",\"timestamp\":1.5,\"message\":\"x\"}",
        "{\"id\":\"" + Envelopes.EventId(4) + "\",\"timestamp\":1,\"message\":{\"log\":\"object\"}}",
        "{\"id\":\"" + Envelopes.EventId(5) + "\",\"timestamp\":1,\"message\":\"nul\\u0000byte\"}",
        "{\"id\":\"" + Envelopes.EventId(6) + "\",\"timestamp\":1,\"message\":\"lone \\ud800 surrogate\"}",
        Envelopes.Event(Envelopes.EventId(7), 1, new string('x', 300_000)),
        Envelopes.Event(Envelopes.EventId(1), 1000, "Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault"),
        Envelopes.Event(Envelopes.EventId(9), 1001, "line two"),
    ];

    [Fact]
    public void Decode_SampleEnvelope_EqualsDecodedSample()
    {
        var batch = SubscriptionDecoder.Decode(File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.json")));
        using var expected = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.decoded.json")));

        Assert.Empty(batch.Rejected);
        var payload = Assert.IsType<LogsPayload>(batch.Payload);
        Assert.Equal(expected.RootElement.GetProperty("logGroup").GetString(), payload.LogGroup);
        Assert.Equal(expected.RootElement.GetProperty("logStream").GetString(), payload.LogStream);
        Assert.Equal("123456789012", payload.Owner);
        var events = expected.RootElement.GetProperty("logEvents").EnumerateArray().ToList();
        Assert.Equal(events.Count, payload.LogEvents.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(events[i].GetProperty("id").GetString(), payload.LogEvents[i].Id);
            Assert.Equal(56, payload.LogEvents[i].Id.Length);
            Assert.Equal(events[i].GetProperty("message").GetString(), payload.LogEvents[i].Message);
        }
    }

    [Fact]
    public void Decode_DecodedSamples_HaveNoByteOrderMark()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Event("detect"), "*.json"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, file);
        }
    }

    [Fact]
    public void Decode_ControlMessage_IsIgnoredWithoutRejection()
    {
        var batch = SubscriptionDecoder.Decode(File.ReadAllBytes(RepoPaths.Event("detect", "control-message.json")));

        Assert.Empty(batch.Rejected);
        Assert.True(batch.Payload!.IsControlMessage);
        Assert.Empty(batch.Payload.LogEvents);
    }

    [Theory]
    [InlineData("not json", RejectionReasons.InvalidJson)]
    [InlineData("[1,2]", RejectionReasons.InvalidJson)]
    [InlineData("{\"awslogs\":{}}", RejectionReasons.MissingData)]
    [InlineData("{\"awslogs\":{\"data\":42}}", RejectionReasons.MissingData)]
    [InlineData("{\"other\":1}", RejectionReasons.MissingData)]
    [InlineData("{\"awslogs\":{\"data\":\"@@@not base64@@@\"}}", RejectionReasons.InvalidBase64)]
    [InlineData("{\"awslogs\":{\"data\":\"aGVsbG8gd29ybGQ=\"}}", RejectionReasons.NotGzip)]
    [InlineData("{\"awslogs\":{\"data\":\"\"}}", RejectionReasons.NotGzip)]
    [InlineData("{\"awslogs\":{\"data\":\"H4sI\"}} trailing", RejectionReasons.InvalidJson)]
    public void Decode_BrokenEnvelope_RejectedWithReason(string envelope, string reason)
    {
        var batch = SubscriptionDecoder.Decode(Encoding.UTF8.GetBytes(envelope));

        Assert.Null(batch.Payload);
        var rejection = Assert.Single(batch.Rejected);
        Assert.Equal(reason, rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
    }

    [Fact]
    public void Decode_CorruptGzip_RejectedAsInvalidGzip()
    {
        var gz = Envelopes.Gzip(Encoding.UTF8.GetBytes(Envelopes.Payload(Envelopes.Event(Envelopes.EventId(1), 1, "x"))));
        for (var i = 10; i < gz.Length - 8; i++)
        {
            gz[i] ^= 0x5A;
        }

        var batch = SubscriptionDecoder.Decode(Envelopes.Wrap(gz));

        Assert.Null(batch.Payload);
        Assert.Contains(batch.Rejected[0].Reason, new[] { RejectionReasons.InvalidGzip, RejectionReasons.InvalidPayloadJson });
    }

    [Fact]
    public void Decode_GzipBomb_StoppedAtDecompressedLimit()
    {
        var bomb = Envelopes.Gzip(new byte[64 * 1024 * 1024]);
        Assert.True(bomb.Length < 1_048_576);

        var batch = SubscriptionDecoder.Decode(Envelopes.Wrap(bomb), DecoderLimits.Default with { MaxDecompressedBytes = 4 * 1024 * 1024 });

        Assert.Null(batch.Payload);
        Assert.Equal(RejectionReasons.DecompressedTooLarge, Assert.Single(batch.Rejected).Reason);
    }

    [Fact]
    public void Decode_OverCompressedLimit_RejectedBeforeInflating()
    {
        var envelope = Envelopes.FromPayload(Envelopes.Payload(Envelopes.Event(Envelopes.EventId(1), 1, new string('x', 5000))));

        var batch = SubscriptionDecoder.Decode(envelope, DecoderLimits.Default with { MaxCompressedBytes = 16 });

        Assert.Equal(RejectionReasons.CompressedTooLarge, Assert.Single(batch.Rejected).Reason);
    }

    [Fact]
    public void Decode_OverEnvelopeLimit_Rejected()
    {
        var batch = SubscriptionDecoder.Decode(new byte[2_000_000]);

        Assert.Equal(RejectionReasons.EnvelopeTooLarge, Assert.Single(batch.Rejected).Reason);
    }

    [Theory]
    [InlineData("[]", RejectionReasons.InvalidPayload)]
    [InlineData("{\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":[]}", RejectionReasons.InvalidPayload)]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"logStream\":\"s\",\"logEvents\":[]}", RejectionReasons.InvalidPayload)]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\"}", RejectionReasons.InvalidPayload)]
    [InlineData("{\"messageType\":\"SOMETHING\",\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":[]}", RejectionReasons.UnknownMessageType)]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",", RejectionReasons.InvalidPayloadJson)]
    public void Decode_BrokenPayload_RejectedWithReason(string payload, string reason)
    {
        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(payload));

        Assert.Null(batch.Payload);
        Assert.Equal(reason, Assert.Single(batch.Rejected).Reason);
    }

    [Fact]
    public void Decode_InvalidUtf8OutsideStrings_RejectedAsPayloadJson()
    {
        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayloadBytes([0x7B, 0xFF, 0xFE, 0x7D]));

        Assert.Equal(RejectionReasons.InvalidPayloadJson, Assert.Single(batch.Rejected).Reason);
    }

    [Fact]
    public void Decode_UnknownFields_Tolerated()
    {
        var payload = Envelopes.Payload(Envelopes.Event(Envelopes.EventId(7), 5, "hello")).Replace("\"owner\"", "\"policyLevel\":\"ACCOUNT_LEVEL_POLICY\",\"extra\":{\"a\":[1]},\"owner\"", StringComparison.Ordinal);

        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(payload));

        Assert.Empty(batch.Rejected);
        Assert.Equal("hello", Assert.Single(batch.Payload!.LogEvents).Message);
    }

    [Fact]
    public void Decode_BadEvents_RejectedOneByOneRestKept()
    {
        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(Envelopes.Payload(GoodAndBadEvents)));

        Assert.Equal([Envelopes.EventId(1), Envelopes.EventId(9)], batch.Payload!.LogEvents.Select(e => e.Id));
        Assert.Equal(
            [RejectionReasons.EventNotObject, RejectionReasons.EventInvalidId, RejectionReasons.EventInvalidTimestamp, RejectionReasons.EventInvalidTimestamp,
             RejectionReasons.EventInvalidMessage, RejectionReasons.EventNulByte, RejectionReasons.EventInvalidUtf8, RejectionReasons.EventMessageTooLarge,
             RejectionReasons.DuplicateEventId],
            batch.Rejected.Select(r => r.Reason));
        Assert.Equal(Envelopes.EventId(7), batch.Rejected[7].EventId);
        Assert.All(batch.Rejected, r => Assert.EndsWith(".", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_WithFilter_SameEventsAndRejectionsOnlyKeptTextsMaterialised()
    {
        var envelope = Envelopes.FromPayload(Envelopes.Payload(GoodAndBadEvents));
        var seen = new List<string>();

        var all = SubscriptionDecoder.Decode(envelope);
        var filtered = SubscriptionDecoder.Decode(envelope, DecoderLimits.Default, message =>
        {
            seen.Add(message.ToString());
            return message.Contains("signal 11", StringComparison.Ordinal);
        });

        Assert.Equal(all.Rejected, filtered.Rejected);
        Assert.Equal(all.Payload!.LogEvents.Select(e => (e.Id, e.Timestamp)), filtered.Payload!.LogEvents.Select(e => (e.Id, e.Timestamp)));
        Assert.Equal([all.Payload.LogEvents[0].Message, null], filtered.Payload.LogEvents.Select(e => e.Message));
        Assert.Equal([all.Payload.LogEvents[0].Message!, all.Payload.LogEvents[0].Message!, "line two"], seen); // a repeated id is caught after the event's own checks
    }

    [Theory]
    [InlineData("{\"id\":\"I\", \"message\" :\n \"a\\\"b\\u00e9\" ,\"timestamp\":1}", "a\"b\u00e9")]
    [InlineData("{\"message\":\"\",\"id\":\"I\",\"timestamp\":1}", "")]
    [InlineData("{\"message\":7,\"id\":\"I\",\"message\":\"last\",\"timestamp\":1}", "last")]
    public void Decode_MessageAnywhereInTheEvent_Read(string eventJson, string message)
    {
        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(Envelopes.Payload(eventJson, Envelopes.Event("J", 2, "next"))));

        Assert.Empty(batch.Rejected);
        Assert.Equal([("I", message), ("J", "next")], batch.Payload!.LogEvents.Select(e => (e.Id, e.Message)));
    }

    [Theory]
    [InlineData("\"tab\tinside\"")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("\"bad \\u12G4 escape\"")]
    [InlineData("\"no closing quote}]}")]
    [InlineData("\"ok\" \"second value\"")]
    public void Decode_MessageNotAValidJsonString_RejectsTheDelivery(string messageJson)
    {
        var payload = Envelopes.Payload("{\"id\":\"I\",\"timestamp\":1,\"message\":" + messageJson + "}");

        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(payload));

        Assert.Null(batch.Payload);
        Assert.Equal(RejectionReasons.InvalidPayloadJson, Assert.Single(batch.Rejected).Reason);
    }

    [Fact]
    public void Decode_InvalidUtf8InOneMessage_RejectsOnlyThatEvent()
    {
        var before = Encoding.UTF8.GetBytes(Envelopes.Payload(Envelopes.Event(Envelopes.EventId(1), 1, "ok"), Envelopes.Event(Envelopes.EventId(2), 2, "bad-XY-bytes")));
        var text = Encoding.UTF8.GetString(before);
        var at = text.IndexOf("XY", StringComparison.Ordinal);
        before[at] = 0xC3;
        before[at + 1] = 0x28;

        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayloadBytes(before));

        Assert.Equal(Envelopes.EventId(1), Assert.Single(batch.Payload!.LogEvents).Id);
        var rejection = Assert.Single(batch.Rejected);
        Assert.Equal(RejectionReasons.EventInvalidUtf8, rejection.Reason);
        Assert.Equal(Envelopes.EventId(2), rejection.EventId);
    }

    [Fact]
    public void Decode_TooManyEvents_ReadsLimitAndSaysSo()
    {
        var events = Enumerable.Range(1, 30).Select(i => Envelopes.Event(Envelopes.EventId(i), i, "m")).ToArray();

        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(Envelopes.Payload(events)), DecoderLimits.Default with { MaxEvents = 10 });

        Assert.Equal(10, batch.Payload!.LogEvents.Count);
        Assert.Equal(RejectionReasons.TooManyEvents, Assert.Single(batch.Rejected).Reason);
    }

    [Fact]
    public void Decode_EscapedBase64Slashes_Accepted()
    {
        var gz = Envelopes.Gzip(Encoding.UTF8.GetBytes(Envelopes.Payload(Envelopes.Event(Envelopes.EventId(3), 3, "escaped"))));
        var envelope = "{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(gz).Replace("/", "\\/", StringComparison.Ordinal) + "\"}}";

        var batch = SubscriptionDecoder.Decode(Encoding.UTF8.GetBytes(envelope));

        Assert.Equal("escaped", Assert.Single(batch.Payload!.LogEvents).Message);
    }
}
