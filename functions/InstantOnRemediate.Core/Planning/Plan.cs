namespace InstantOnRemediate.Core.Planning;

/// <summary>The output of Decide: what to do about a set of findings, under a mode, at a time.</summary>
public sealed record Plan
{
    public required string Id { get; init; }

    public required string Mode { get; init; }

    public IReadOnlyList<PlanAction> Actions { get; init; } = [];

    /// <summary>Epoch milliseconds the plan was made (the injected now).</summary>
    public long CreatedAt { get; init; }

    /// <summary>What the decision set aside before planning (loop guard, non-failures, ...), in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
