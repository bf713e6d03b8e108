namespace InstantOnRemediate.Core.Ingest;

/// <summary>Stable codes of <see cref="Rejection.Reason"/>. Batch-level codes reject the whole delivery; event-level codes one event.</summary>
public static class RejectionReasons
{
    public const string EnvelopeTooLarge = "envelope-too-large";
    public const string InvalidJson = "invalid-json";
    public const string MissingData = "missing-data";
    public const string InvalidBase64 = "invalid-base64";
    public const string CompressedTooLarge = "compressed-too-large";
    public const string NotGzip = "not-gzip";
    public const string InvalidGzip = "invalid-gzip";
    public const string DecompressedTooLarge = "decompressed-too-large";
    public const string InvalidPayloadJson = "invalid-payload-json";
    public const string InvalidPayload = "invalid-payload";
    public const string UnknownMessageType = "unknown-message-type";

    public const string TooManyEvents = "too-many-events";
    public const string EventNotObject = "event-not-object";
    public const string EventInvalidId = "event-invalid-id";
    public const string EventInvalidTimestamp = "event-invalid-timestamp";
    public const string EventInvalidMessage = "event-invalid-message";
    public const string EventInvalidUtf8 = "event-invalid-utf8";
    public const string EventNulByte = "event-nul-byte";
    public const string EventMessageTooLarge = "event-message-too-large";
    public const string DuplicateEventId = "duplicate-event-id";
}
