using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Decodes a CloudWatch Logs subscription delivery <c>{"awslogs":{"data": base64(gzip(json))}}</c> within
/// <see cref="DecoderLimits"/>. Never throws on bad input: a broken delivery comes back rejected with a reason,
/// a broken event is rejected alone and the rest of the batch is kept.
/// </summary>
/// <remarks>
/// A <see cref="MessageFilter"/> lets the consumer decline messages it has no use for: they are validated exactly as
/// kept ones (the same rejections, in the same order) but never become strings.
/// </remarks>
public static class SubscriptionDecoder
{
    private static readonly JsonReaderOptions EnvelopeReaderOptions = new() { MaxDepth = 64 };
    private static readonly JsonReaderOptions PayloadReaderOptions = new() { MaxDepth = 64 };

    public static DecodedBatch Decode(ReadOnlySpan<byte> eventJson) => Decode(eventJson, DecoderLimits.Default);

    public static DecodedBatch Decode(ReadOnlySpan<byte> eventJson, DecoderLimits limits) => Decode(eventJson, limits, null);

    public static DecodedBatch Decode(ReadOnlySpan<byte> eventJson, DecoderLimits limits, MessageFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (eventJson.Length > limits.MaxEnvelopeBytes)
        {
            return DecodedBatch.Reject(RejectionReasons.EnvelopeTooLarge,
                $"The event is {eventJson.Length} bytes; at most {limits.MaxEnvelopeBytes} are accepted.");
        }

        byte[]? compressed = null;
        byte[]? payload = null;
        try
        {
            var envelope = ReadEnvelope(eventJson, limits, out compressed, out var compressedLength);
            if (envelope is not null)
            {
                return envelope;
            }

            var data = compressed.AsSpan(0, compressedLength);
            if (data.Length < 2 || data[0] != 0x1f || data[1] != 0x8b)
            {
                return DecodedBatch.Reject(RejectionReasons.NotGzip, "awslogs.data does not start with the gzip magic bytes 1f 8b.");
            }

            var inflated = BoundedGzip.Inflate(compressed!, compressedLength, limits.MaxDecompressedBytes, out payload, out var payloadLength);
            if (inflated is not null)
            {
                return inflated;
            }

            return ReadPayload(payload.AsSpan(0, payloadLength), limits, filter);
        }
        finally
        {
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }

            if (payload is not null)
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }
    }

    private static DecodedBatch? ReadEnvelope(ReadOnlySpan<byte> json, DecoderLimits limits, out byte[]? compressed, out int length)
    {
        compressed = null;
        length = 0;
        var reader = new Utf8JsonReader(json, EnvelopeReaderOptions);
        var found = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return DecodedBatch.Reject(RejectionReasons.InvalidJson, "The event is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("awslogs"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isData = reader.ValueTextEquals("data"u8);
                    reader.Read();
                    if (isData && reader.TokenType == JsonTokenType.String && !found)
                    {
                        var rejected = DecodeBase64(ref reader, limits, out compressed, out length);
                        if (rejected is not null)
                        {
                            return rejected;
                        }

                        found = true;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            while (reader.Read())
            {
                // A trailing token after the root object makes the reader throw: the envelope is then invalid.
            }
        }
        catch (JsonException e)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidJson, "The event is not valid JSON: " + FirstSentence(e.Message));
        }

        return found ? null : DecodedBatch.Reject(RejectionReasons.MissingData, "The event has no awslogs.data string.");
    }

    private static DecodedBatch? DecodeBase64(ref Utf8JsonReader reader, DecoderLimits limits, out byte[]? compressed, out int length)
    {
        compressed = null;
        length = 0;
        var textLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (Base64.GetMaxDecodedFromUtf8Length(textLength) > limits.MaxCompressedBytes + 3)
        {
            return DecodedBatch.Reject(RejectionReasons.CompressedTooLarge,
                $"awslogs.data decodes to more than {limits.MaxCompressedBytes} bytes of gzip data.");
        }

        byte[]? unescaped = null;
        try
        {
            ReadOnlySpan<byte> text;
            if (reader.ValueIsEscaped)
            {
                unescaped = ArrayPool<byte>.Shared.Rent(textLength);
                var n = reader.CopyString(unescaped);
                text = unescaped.AsSpan(0, n);
            }
            else
            {
                text = reader.ValueSpan;
            }

            compressed = ArrayPool<byte>.Shared.Rent(Math.Max(4, Base64.GetMaxDecodedFromUtf8Length(text.Length)));
            var status = Base64.DecodeFromUtf8(text, compressed, out _, out length);
            if (status != OperationStatus.Done)
            {
                return DecodedBatch.Reject(RejectionReasons.InvalidBase64, "awslogs.data is not valid base64 text.");
            }

            return length > limits.MaxCompressedBytes
                ? DecodedBatch.Reject(RejectionReasons.CompressedTooLarge, $"awslogs.data holds {length} bytes of gzip data; at most {limits.MaxCompressedBytes} are accepted.")
                : null;
        }
        finally
        {
            if (unescaped is not null)
            {
                ArrayPool<byte>.Shared.Return(unescaped);
            }
        }
    }

    private static DecodedBatch ReadPayload(ReadOnlySpan<byte> json, DecoderLimits limits, MessageFilter? filter)
    {
        // One forward pass over the decompressed bytes (no DOM): the payload's members may come in any order, so
        // events are read as they come and kept only if the payload turns out to be a DATA_MESSAGE. The reader (and
        // the message strings' own scanner) validates the whole document, as JsonDocument did: any syntax error
        // rejects the whole delivery.
        var reader = new Utf8JsonReader(json, PayloadReaderOptions);
        var messages = new MessageValueReader(json, MaxRawMessageBytes(limits), filter);
        string? messageType = null, owner = null, logGroup = null, logStream = null;
        List<string> filters = [];
        EventList? events = null;
        bool rootIsObject;
        try
        {
            if (!reader.Read())
            {
                return DecodedBatch.Reject(RejectionReasons.InvalidPayloadJson, "The decompressed payload is not valid JSON: it is empty.");
            }

            rootIsObject = reader.TokenType == JsonTokenType.StartObject;
            if (rootIsObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("messageType"u8))
                    {
                        messageType = ReadOptionalString(ref reader);
                    }
                    else if (reader.ValueTextEquals("owner"u8))
                    {
                        reader.Read();
                        owner = reader.TokenType switch
                        {
                            JsonTokenType.String => TryGetString(ref reader),
                            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                            _ => SkipValue(ref reader),
                        };
                    }
                    else if (reader.ValueTextEquals("logGroup"u8))
                    {
                        logGroup = ReadOptionalString(ref reader);
                    }
                    else if (reader.ValueTextEquals("logStream"u8))
                    {
                        logStream = ReadOptionalString(ref reader);
                    }
                    else if (reader.ValueTextEquals("subscriptionFilters"u8))
                    {
                        filters = ReadStringArray(ref reader);
                    }
                    else if (reader.ValueTextEquals("logEvents"u8))
                    {
                        reader.Read();
                        events = reader.TokenType == JsonTokenType.StartArray ? ReadEvents(ref reader, ref messages, limits) : null;
                        if (events is null)
                        {
                            reader.Skip();
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            while (reader.Read())
            {
                // A trailing token after the root value makes the reader throw: the payload is then invalid.
            }
        }
        catch (JsonException e)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidPayloadJson, "The decompressed payload is not valid JSON: " + FirstSentence(e.Message));
        }
        finally
        {
            messages.Dispose();
        }

        if (!rootIsObject)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The decompressed payload is not a JSON object.");
        }

        if (messageType is null)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The payload has no messageType string.");
        }

        if (messageType == MessageTypes.Control)
        {
            return new DecodedBatch(
                new LogsPayload { MessageType = messageType, Owner = owner, LogGroup = logGroup ?? "", LogStream = logStream ?? "", SubscriptionFilters = filters },
                []);
        }

        if (messageType != MessageTypes.Data)
        {
            return DecodedBatch.Reject(RejectionReasons.UnknownMessageType, $"messageType '{Printable(messageType)}' is neither DATA_MESSAGE nor CONTROL_MESSAGE.");
        }

        if (logGroup is null || logStream is null)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The payload lacks a logGroup or logStream string.");
        }

        if (events is null)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The payload has no logEvents array.");
        }

        return new DecodedBatch(
            new LogsPayload { MessageType = messageType, Owner = owner, LogGroup = logGroup, LogStream = logStream, SubscriptionFilters = filters, LogEvents = events.Events },
            events.Rejected);
    }

    /// <summary>Reads the logEvents array (the reader is on its StartArray; it ends on the EndArray).</summary>
    private static EventList ReadEvents(ref Utf8JsonReader reader, ref MessageValueReader messages, DecoderLimits limits)
    {
        var list = new EventList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index++ >= limits.MaxEvents)
            {
                reader.Skip();
                continue;
            }

            var record = ReadEvent(ref reader, ref messages, index - 1, limits, out var rejection);
            if (record is null)
            {
                list.Rejected.Add(rejection!);
            }
            else if (!seen.Add(record.Id))
            {
                list.Rejected.Add(new Rejection(RejectionReasons.DuplicateEventId, $"logEvents[{index - 1}] repeats an event id already in this batch.", record.Id));
            }
            else
            {
                list.Events.Add(record);
            }
        }

        if (index > limits.MaxEvents)
        {
            list.Rejected.Add(new Rejection(RejectionReasons.TooManyEvents,
                $"The batch has {index} events; only the first {limits.MaxEvents} were read."));
        }

        return list;
    }

    /// <summary>Reads one array item; the reader ends on its last token. Members may repeat: the last one counts.</summary>
    private static LogEventRecord? ReadEvent(ref Utf8JsonReader reader, ref MessageValueReader messages, int index, DecoderLimits limits, out Rejection? rejection)
    {
        rejection = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            rejection = new Rejection(RejectionReasons.EventNotObject, $"logEvents[{index}] is not a JSON object.");
            return null;
        }

        string? id = null;
        var timestampState = 0; // 0 missing or not an integer, 1 integer
        long timestamp = 0;
        var hasMessage = false;
        ScannedString message = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.String ? TryGetString(ref reader) : SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                timestampState = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out timestamp) ? 1 : 0;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                hasMessage = messages.TryRead(ref reader, out message);
                if (!hasMessage)
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (id is null || id.Length == 0 || id.Length > limits.MaxEventIdChars || id.Contains('\0', StringComparison.Ordinal))
        {
            rejection = new Rejection(RejectionReasons.EventInvalidId, $"logEvents[{index}] has no usable id string (1 to {limits.MaxEventIdChars} characters).");
            return null;
        }

        if (timestampState == 0)
        {
            rejection = new Rejection(RejectionReasons.EventInvalidTimestamp, $"logEvents[{index}] has no integer timestamp (epoch milliseconds).", id);
            return null;
        }

        rejection = MessageRejection(hasMessage, message, index, id, limits);
        if (rejection is not null)
        {
            return null;
        }

        return new LogEventRecord(id, timestamp, messages.Keep(message));
    }

    private static Rejection? MessageRejection(bool hasMessage, in ScannedString message, int index, string id, DecoderLimits limits)
    {
        if (!hasMessage)
        {
            return new Rejection(RejectionReasons.EventInvalidMessage, $"logEvents[{index}] has no message string.", id);
        }

        if (message.RawLength > MaxRawMessageBytes(limits))
        {
            return new Rejection(RejectionReasons.EventMessageTooLarge, $"logEvents[{index}] message is larger than {limits.MaxMessageChars} characters.", id);
        }

        return message.Text switch
        {
            ScannedText.InvalidUtf8 => new Rejection(RejectionReasons.EventInvalidUtf8, $"logEvents[{index}] message is not valid UTF-8.", id),
            ScannedText.LoneSurrogate => new Rejection(RejectionReasons.EventInvalidUtf8, $"logEvents[{index}] message holds an escaped lone surrogate (not valid Unicode text).", id),
            _ when message.TextLength > limits.MaxMessageChars => new Rejection(RejectionReasons.EventMessageTooLarge,
                $"logEvents[{index}] message has {message.TextLength} characters; at most {limits.MaxMessageChars} are accepted.", id),
            _ when message.ContainsNul => new Rejection(RejectionReasons.EventNulByte, $"logEvents[{index}] message contains a NUL character.", id),
            _ => null,
        };
    }

    /// <summary>A message's raw bytes between the quotes: a JSON escape spells one character in at most six bytes.</summary>
    private static long MaxRawMessageBytes(DecoderLimits limits) => limits.MaxMessageChars * 6L;

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or an escaped lone surrogate: the reader refuses to transcode it.
            return null;
        }
    }

    /// <summary>Moves to the value after a property name and reads it as a string; any other value is skipped and gives null.</summary>
    private static string? ReadOptionalString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? TryGetString(ref reader) : SkipValue(ref reader);
    }

    private static string? SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static List<string> ReadStringArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        var list = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return list;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && TryGetString(ref reader) is { } s)
            {
                list.Add(s);
            }
            else
            {
                reader.Skip();
            }
        }

        return list;
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 40 ? value[..40] : value;
        return string.Create(shown.Length, shown, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) || char.IsSurrogate(s[i]) ? '?' : s[i];
            }
        });
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private sealed class EventList
    {
        public List<LogEventRecord> Events { get; } = [];

        public List<Rejection> Rejected { get; } = [];
    }
}
