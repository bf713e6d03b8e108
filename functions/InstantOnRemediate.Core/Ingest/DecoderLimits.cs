namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Bounds on what one subscription delivery may cost to decode. Defaults fit CloudWatch Logs' own limits
/// (Lambda async payloads up to 1 MB, events up to 1 MB, 10,000 events per batch) with room to spare.
/// </summary>
public sealed record DecoderLimits
{
    public static DecoderLimits Default { get; } = new();

    /// <summary>The whole Lambda event (the JSON envelope around the base64 text).</summary>
    public int MaxEnvelopeBytes { get; init; } = 1_500_000;

    /// <summary>The gzip data after base64 decoding.</summary>
    public int MaxCompressedBytes { get; init; } = 1_048_576;

    /// <summary>The JSON payload after gunzip; a gzip bomb stops here instead of being expanded.</summary>
    public int MaxDecompressedBytes { get; init; } = 16 * 1_048_576;

    /// <summary>Events accepted per batch; the rest are rejected one by one.</summary>
    public int MaxEvents { get; init; } = 10_000;

    /// <summary>Characters in one event's message (CloudWatch allows 1 MB events; restore logs never need that much).</summary>
    public int MaxMessageChars { get; init; } = 262_144;

    /// <summary>Characters in an event id (real ids are 56 digits).</summary>
    public int MaxEventIdChars { get; init; } = 128;
}
