using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>A finding after correlation with its node's kernel, what changed, and a sentence for people.</summary>
public sealed record CauseRefinement
{
    public required Finding Finding { get; init; }

    public required string Note { get; init; }

    /// <summary>True when cause or remedy changed.</summary>
    public bool Changed { get; init; }

    /// <summary>The cause the kernel points to while the finding keeps its own (for <c>unknown</c>).</summary>
    public string? LikelyCause { get; init; }
}
