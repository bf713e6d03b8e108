namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>A log event the detect function did not use, and why.</summary>
internal sealed record RejectedRecord
{
    public required string Reason { get; init; }

    public string? EventId { get; init; }
}
