namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Which kernel features a failure cause depends on, and how correlation refines a finding with that cause once the
/// node's kernel is known (an entry of Data/kernel-features.json <c>causeRequirements</c>).
/// </summary>
public sealed record CauseRequirement
{
    public IReadOnlyList<string> Causes { get; init; } = [];

    /// <summary>Text (case-insensitive) one evidence line must contain for the rule to apply; null = always.</summary>
    public string? Evidence { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    public CauseOutcome? WhenMissing { get; init; }

    public CauseOutcome? WhenPresent { get; init; }

    public required string Note { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];
}
