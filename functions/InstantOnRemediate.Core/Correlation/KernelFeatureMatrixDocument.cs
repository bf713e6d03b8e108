namespace InstantOnRemediate.Core.Correlation;

/// <summary>Data/kernel-features.json as written; <see cref="KernelFeatureMatrix"/> is its validated form.</summary>
public sealed record KernelFeatureMatrixDocument
{
    public int Version { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<KernelFeature> Features { get; init; } = [];

    public IReadOnlyList<KernelFeatureProfile> Profiles { get; init; } = [];

    public string? DefaultProfile { get; init; }

    public IReadOnlyList<CauseRequirement> CauseRequirements { get; init; } = [];
}
