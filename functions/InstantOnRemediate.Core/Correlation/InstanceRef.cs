namespace InstantOnRemediate.Core.Correlation;

/// <summary>An EC2 instance backing a Kubernetes node.</summary>
public sealed record InstanceRef
{
    public required string InstanceId { get; init; }

    /// <summary>Kubernetes node name (private DNS name, or the instance id when nodes are named by id).</summary>
    public string? Node { get; init; }

    public string? AmiId { get; init; }

    public string? InstanceType { get; init; }

    public string? Architecture { get; init; }

    /// <summary>Kernel probed on this very instance (SSM), when a probe ran.</summary>
    public string? Kernel { get; init; }

    /// <summary>AMI name from DescribeImages (gives family, Kubernetes minor and build date for custom AMIs).</summary>
    public string? AmiName { get; init; }

    /// <summary>Kernel-feature id → supported, as probed on this instance (e.g. criu check --feature get_rseq_conf).</summary>
    public IReadOnlyDictionary<string, bool>? KernelFeatures { get; init; }
}
