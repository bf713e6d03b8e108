namespace InstantOnRemediate.Core.Correlation;

/// <summary>A named set of features a node needs for a kind of workload (e.g. restoring InstantOn images).</summary>
public sealed record KernelFeatureProfile
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];
}
