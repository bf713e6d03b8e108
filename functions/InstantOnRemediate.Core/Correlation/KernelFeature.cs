namespace InstantOnRemediate.Core.Correlation;

/// <summary>One kernel feature CRIU / InstantOn relies on (an entry of Data/kernel-features.json).</summary>
public sealed record KernelFeature
{
    /// <summary>Stable id, e.g. <c>ptrace-get-rseq-conf</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>First upstream Linux release with the feature, e.g. <c>5.13</c>.</summary>
    public required string UpstreamMinimum { get; init; }

    public bool BlocksRestore { get; init; }

    public bool BlocksCheckpoint { get; init; }

    /// <summary>Absence only produces warnings; never a cause by itself.</summary>
    public bool Benign { get; init; }

    public string? Condition { get; init; }

    public string Confidence { get; init; } = Confidences.Medium;

    /// <summary>Name for <c>criu check --feature</c>, when CRIU can probe it on a node.</summary>
    public string? CriuCheckFeature { get; init; }

    public IReadOnlyList<KernelBackport> Backports { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];
}
