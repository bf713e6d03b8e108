namespace InstantOnRemediate.Core.Correlation;

/// <summary>How a cause requirement rewrites a finding; null members leave the finding's value as it is.</summary>
public sealed record CauseOutcome
{
    public string? Cause { get; init; }

    public string? Remedy { get; init; }

    /// <summary>Cause to suggest in the note while the finding keeps its own (used for <c>unknown</c>).</summary>
    public string? LikelyCause { get; init; }
}
