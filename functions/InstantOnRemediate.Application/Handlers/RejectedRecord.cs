namespace InstantOnRemediate.Application.Handlers;

/// <summary>A log event the detect function did not use, and why.</summary>
internal sealed record RejectedRecord
{
    public required string Reason { get; init; }

    /// <summary>A sentence saying what exactly was wrong.</summary>
    public string? Detail { get; init; }

    public string? EventId { get; init; }
}
