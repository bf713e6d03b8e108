namespace InstantOnRemediate.Application.Handlers;

/// <summary>The decoded log batch, in brief (detect response <c>batch</c>).</summary>
internal sealed record BatchSummary
{
    public string? LogGroup { get; init; }

    public string? LogStream { get; init; }

    /// <summary>Log events read from the batch.</summary>
    public int Events { get; init; }

    /// <summary>Records set aside, each with the reason.</summary>
    public IReadOnlyList<RejectedRecord> Rejected { get; init; } = [];
}
