namespace InstantOnRemediate.Core.Correlation;

/// <summary>What the AMI catalog is asked: family, amiType, Kubernetes minor, AMI release date, OS release.</summary>
public sealed record AmiKernelQuery
{
    public required string Family { get; init; }

    public string? AmiType { get; init; }

    public string? KubernetesMinor { get; init; }

    public DateOnly? ReleaseDate { get; init; }

    public string? OsVersion { get; init; }
}
