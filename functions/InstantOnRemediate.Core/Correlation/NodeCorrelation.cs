namespace InstantOnRemediate.Core.Correlation;

/// <summary>Where one failing node sits: instance, node group, AMI, kernel and verdict (DESIGN §4 "correlation").</summary>
public sealed record NodeCorrelation
{
    public required string Node { get; init; }

    public string? Cluster { get; init; }

    public string? InstanceId { get; init; }

    public string? Nodegroup { get; init; }

    public string? AmiId { get; init; }

    public string? AmiFamily { get; init; }

    public string? AmiRelease { get; init; }

    public string? Kernel { get; init; }

    public string KernelSource { get; init; } = "unknown";

    public bool? Compatible { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>How sure the answer is: high (probe/log), medium (AMI catalog), low (guess), none.</summary>
    public string Confidence { get; init; } = "none";

    /// <summary>One sentence saying why (missing features and their minimum kernel, or why it is unknown).</summary>
    public string? Reason { get; init; }
}
