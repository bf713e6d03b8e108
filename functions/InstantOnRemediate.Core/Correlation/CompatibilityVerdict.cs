namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// InstantOn compatibility of one kernel: compatible / incompatible (with the missing features and their minimum
/// kernel) / unknown, a sentence saying why, and where the kernel answer came from and how sure it is.
/// </summary>
public sealed record CompatibilityVerdict
{
    public required string Status { get; init; }

    public bool? Compatible => CompatibilityStatuses.ToBool(Status);

    public IReadOnlyList<MissingFeature> Missing { get; init; } = [];

    public required string Reason { get; init; }

    public string? Kernel { get; init; }

    public string KernelSource { get; init; } = KernelSources.Unknown;

    public string Confidence { get; init; } = Confidences.None;
}
