namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// The AMI catalog's answer for one family × amiType × Kubernetes × release: a kernel series (null for a known gap,
/// e.g. Windows or AL2 on 1.33+), how sure it is, and the evidence with its source.
/// </summary>
public sealed record CatalogKernel
{
    public string? Kernel { get; init; }

    public required string Confidence { get; init; }

    public required string Evidence { get; init; }

    public required string Source { get; init; }
}
