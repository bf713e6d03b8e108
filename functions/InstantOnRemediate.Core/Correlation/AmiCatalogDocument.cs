namespace InstantOnRemediate.Core.Correlation;

/// <summary>Data/ami-catalog.json as written; <see cref="AmiCatalog"/> is its validated form.</summary>
public sealed record AmiCatalogDocument
{
    public int Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Source key → citation.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<AmiFamily> Families { get; init; } = [];

    public IReadOnlyList<AmiTypeEntry> AmiTypes { get; init; } = [];

    public IReadOnlyList<AmiKernelRule> Kernels { get; init; } = [];
}

/// <summary>An AMI family: al2, al2023, bottlerocket, ubuntu, windows, custom.</summary>
public sealed record AmiFamily
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>linux, windows or unknown.</summary>
    public required string Platform { get; init; }

    /// <summary>Distribution tag of the family's kernels (<see cref="KernelDistros"/>), for backports when only a series is known.</summary>
    public string? KernelDistro { get; init; }
}

/// <summary>One EKS amiType: its family, architecture, variant, compatible target and public release parameter.</summary>
public sealed record AmiTypeEntry
{
    public required string AmiType { get; init; }

    public required string Family { get; init; }

    public required string Arch { get; init; }

    public required string Variant { get; init; }

    /// <summary>amiType of the same architecture to move to when this one cannot restore InstantOn images.</summary>
    public string? Target { get; init; }

    /// <summary>Public SSM parameter holding the newest release for a Kubernetes version (<c>{k8s}</c> placeholder).</summary>
    public string? ReleaseParameter { get; init; }
}

/// <summary>A catalog row: family (× amiTypes) × Kubernetes range × release-date range → kernel series.</summary>
public sealed record AmiKernelRule
{
    public required string Family { get; init; }

    /// <summary>Restricts the rule to these amiTypes; empty = every amiType of the family.</summary>
    public IReadOnlyList<string> AmiTypes { get; init; } = [];

    public VersionRange? Kubernetes { get; init; }

    public DateRange? Released { get; init; }

    /// <summary>OS release the rule is about (Ubuntu 20.04), matched against the AMI name.</summary>
    public string? OsVersion { get; init; }

    /// <summary>Kernel series; null records a known gap (no such AMI, or no Linux kernel).</summary>
    public string? Kernel { get; init; }

    public required string Confidence { get; init; }

    public required string Evidence { get; init; }

    /// <summary>Key into <see cref="AmiCatalogDocument.Sources"/>.</summary>
    public required string Source { get; init; }
}

/// <summary>Inclusive Kubernetes minor range (either end open).</summary>
public sealed record VersionRange
{
    public string? Min { get; init; }

    public string? Max { get; init; }
}

/// <summary>Release-date range: from inclusive, until exclusive (YYYY-MM-DD).</summary>
public sealed record DateRange
{
    public string? From { get; init; }

    public string? Until { get; init; }
}
