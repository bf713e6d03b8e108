namespace InstantOnRemediate.Core.Correlation;

/// <summary>InstantOn compatibility of every node group of one or more clusters (the <c>audit</c> output).</summary>
public sealed record CompatibilityAuditReport
{
    public IReadOnlyList<AuditedNodegroup> Nodegroups { get; init; } = [];

    public required AuditSummary Summary { get; init; }
}

/// <summary>One audited node group: what it runs, whether it can restore InstantOn images, why, and where to move.</summary>
public sealed record AuditedNodegroup
{
    public required string Cluster { get; init; }

    public required string Nodegroup { get; init; }

    public string? AmiType { get; init; }

    public string? AmiFamily { get; init; }

    public string? ReleaseVersion { get; init; }

    public string? KubernetesVersion { get; init; }

    public string? Kernel { get; init; }

    public required string KernelSource { get; init; }

    public required string Confidence { get; init; }

    /// <summary>compatible | incompatible | unknown.</summary>
    public required string Status { get; init; }

    public bool? Compatible { get; init; }

    public IReadOnlyList<MissingFeature> Missing { get; init; } = [];

    public required string Reason { get; init; }

    /// <summary>amiType to move InstantOn workloads to (same architecture), when this group cannot restore them.</summary>
    public string? TargetAmiType { get; init; }

    /// <summary>Kernel series the target ships at this Kubernetes version (AMI catalog).</summary>
    public string? TargetKernel { get; init; }

    public int Instances { get; init; }
}

public sealed record AuditSummary
{
    public int Nodegroups { get; init; }

    public int Compatible { get; init; }

    public int Incompatible { get; init; }

    public int Unknown { get; init; }
}
