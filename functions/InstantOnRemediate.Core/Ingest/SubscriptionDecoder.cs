using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Decodes a CloudWatch Logs subscription delivery <c>{"awslogs":{"data": base64(gzip(json))}}</c> within
/// <see cref="DecoderLimits"/>. Never throws on bad input: a broken delivery comes back rejected with a reason,
/// a broken event is rejected alone and the rest of the batch is kept.
/// </summary>
public static class SubscriptionDecoder
{
    private static readonly JsonReaderOptions EnvelopeReaderOptions = new() { MaxDepth = 64 };
    private static readonly JsonDocumentOptions PayloadOptions = new() { MaxDepth = 64 };

    public static DecodedBatch Decode(ReadOnlySpan<byte> eventJson) => Decode(eventJson, DecoderLimits.Default);

    public static DecodedBatch Decode(ReadOnlySpan<byte> eventJson, DecoderLimits limits)
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

            return ReadPayload(payload.AsMemory(0, payloadLength), limits);
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

    private static DecodedBatch ReadPayload(ReadOnlyMemory<byte> json, DecoderLimits limits)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, PayloadOptions);
        }
        catch (JsonException e)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidPayloadJson, "The decompressed payload is not valid JSON: " + FirstSentence(e.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The decompressed payload is not a JSON object.");
            }

            var messageType = OptionalString(root, "messageType");
            if (messageType is null)
            {
                return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The payload has no messageType string.");
            }

            var owner = OptionalString(root, "owner") ?? OptionalNumberText(root, "owner");
            var logGroup = OptionalString(root, "logGroup");
            var logStream = OptionalString(root, "logStream");
            var filters = StringArray(root, "subscriptionFilters");
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

            if (!root.TryGetProperty("logEvents", out var eventsElement) || eventsElement.ValueKind != JsonValueKind.Array)
            {
                return DecodedBatch.Reject(RejectionReasons.InvalidPayload, "The payload has no logEvents array.");
            }

            var rejected = new List<Rejection>();
            var events = ReadEvents(eventsElement, limits, rejected);
            return new DecodedBatch(
                new LogsPayload { MessageType = messageType, Owner = owner, LogGroup = logGroup, LogStream = logStream, SubscriptionFilters = filters, LogEvents = events },
                rejected);
        }
    }

    private static List<LogEventRecord> ReadEvents(JsonElement array, DecoderLimits limits, List<Rejection> rejected)
    {
        var events = new List<LogEventRecord>(Math.Min(array.GetArrayLength(), limits.MaxEvents));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (index++ >= limits.MaxEvents)
            {
                rejected.Add(new Rejection(RejectionReasons.TooManyEvents,
                    $"The batch has {array.GetArrayLength()} events; only the first {limits.MaxEvents} were read."));
                break;
            }

            var record = ReadEvent(item, index - 1, limits, out var rejection);
            if (record is null)
            {
                rejected.Add(rejection!);
            }
            else if (!seen.Add(record.Id))
            {
                rejected.Add(new Rejection(RejectionReasons.DuplicateEventId, $"logEvents[{index - 1}] repeats an event id already in this batch.", record.Id));
            }
            else
            {
                events.Add(record);
            }
        }

        return events;
    }

    private static LogEventRecord? ReadEvent(JsonElement item, int index, DecoderLimits limits, out Rejection? rejection)
    {
        rejection = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            rejection = new Rejection(RejectionReasons.EventNotObject, $"logEvents[{index}] is not a JSON object.");
            return null;
        }

        string? id = null;
        if (item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            id = TryGetString(idElement);
        }

        if (id is null || id.Length == 0 || id.Length > limits.MaxEventIdChars || id.Contains('\0', StringComparison.Ordinal))
        {
            rejection = new Rejection(RejectionReasons.EventInvalidId, $"logEvents[{index}] has no usable id string (1 to {limits.MaxEventIdChars} characters).");
            return null;
        }

        if (!item.TryGetProperty("timestamp", out var tsElement) || tsElement.ValueKind != JsonValueKind.Number || !tsElement.TryGetInt64(out var timestamp))
        {
            rejection = new Rejection(RejectionReasons.EventInvalidTimestamp, $"logEvents[{index}] has no integer timestamp (epoch milliseconds).", id);
            return null;
        }

        if (!item.TryGetProperty("message", out var messageElement) || messageElement.ValueKind != JsonValueKind.String)
        {
            rejection = new Rejection(RejectionReasons.EventInvalidMessage, $"logEvents[{index}] has no message string.", id);
            return null;
        }

        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(messageElement);
        if (raw.Length > (limits.MaxMessageChars * 6L) + 2)
        {
            rejection = new Rejection(RejectionReasons.EventMessageTooLarge, $"logEvents[{index}] message is larger than {limits.MaxMessageChars} characters.", id);
            return null;
        }

        if (!Utf8.IsValid(raw))
        {
            rejection = new Rejection(RejectionReasons.EventInvalidUtf8, $"logEvents[{index}] message is not valid UTF-8.", id);
            return null;
        }

        var message = TryGetString(messageElement);
        if (message is null)
        {
            rejection = new Rejection(RejectionReasons.EventInvalidUtf8, $"logEvents[{index}] message holds an escaped lone surrogate (not valid Unicode text).", id);
            return null;
        }

        if (message.Length > limits.MaxMessageChars)
        {
            rejection = new Rejection(RejectionReasons.EventMessageTooLarge, $"logEvents[{index}] message has {message.Length} characters; at most {limits.MaxMessageChars} are accepted.", id);
            return null;
        }

        if (message.Contains('\0', StringComparison.Ordinal))
        {
            rejection = new Rejection(RejectionReasons.EventNulByte, $"logEvents[{index}] message contains a NUL character.", id);
            return null;
        }

        return new LogEventRecord(id, timestamp, message);
    }

    private static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or an escaped lone surrogate: the reader refuses to transcode it.
            return null;
        }
    }

    private static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? TryGetString(v) : null;

    private static string? OptionalNumberText(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static List<string> StringArray(JsonElement obj, string name)
    {
        var list = new List<string>();
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && TryGetString(item) is { } s)
                {
                    list.Add(s);
                }
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
}
