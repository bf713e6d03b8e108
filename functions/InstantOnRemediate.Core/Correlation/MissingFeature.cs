namespace InstantOnRemediate.Core.Correlation;

/// <summary>A feature a node lacks: its id, name, the upstream minimum kernel, and why the verdict says so.</summary>
public sealed record MissingFeature
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Upstream minimum kernel, e.g. 5.13.</summary>
    public required string Minimum { get; init; }

    public string? Basis { get; init; }
}
