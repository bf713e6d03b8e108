namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// One EKS node group as correlated: its AMI family and release, the kernel it runs (with where that answer
/// came from), and whether it can restore InstantOn checkpoints. DESIGN §4 inventory contract.
/// Members with a default keep it when given null, which is what source-generated JSON passes for an absent member
/// of a record with init-only properties (dotnet/runtime#84484): every reader sees empty collections, never null.
/// </summary>
public sealed record NodegroupInventory
{
    private readonly string kernelSource = KernelSources.Unknown;
    private readonly IReadOnlyList<string> missing = [];
    private readonly string confidence = Confidences.None;
    private readonly IReadOnlyList<InstanceRef> instances = [];
    private readonly IReadOnlyList<string> instanceTypes = [];
    private readonly IReadOnlyList<string> subnets = [];
    private readonly IReadOnlyDictionary<string, string> labels = new Dictionary<string, string>();
    private readonly IReadOnlyList<NodegroupTaint> taints = [];
    private readonly IReadOnlyList<string> autoScalingGroups = [];

    public required string Name { get; init; }

    /// <summary>EKS amiType (AL2_x86_64, AL2023_x86_64_STANDARD, BOTTLEROCKET_x86_64, CUSTOM, ...).</summary>
    public string? AmiType { get; init; }

    /// <summary>EKS releaseVersion (e.g. 1.31.2-20241121; an AMI id for custom launch templates).</summary>
    public string? ReleaseVersion { get; init; }

    /// <summary>Family derived from amiType/AMI name: al2, al2023, bottlerocket, ubuntu, windows, custom.</summary>
    public string? AmiFamily { get; init; }

    /// <summary>Kubernetes minor version of the node group (e.g. 1.31).</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Kernel release or series (e.g. 5.10.226-214.880.amzn2.x86_64 or 5.10).</summary>
    public string? Kernel { get; init; }

    /// <summary>Where the kernel answer came from: ssm-probe, criu-log, ami-catalog, unknown.</summary>
    public string KernelSource { get => kernelSource; init => kernelSource = value ?? KernelSources.Unknown; }

    /// <summary>true = can restore, false = cannot (see Missing), null = unknown.</summary>
    public bool? Compatible { get; init; }

    /// <summary>Kernel-feature ids the node group lacks.</summary>
    public IReadOnlyList<string> Missing { get => missing; init => missing = value ?? []; }

    /// <summary>How sure the kernel/verdict answer is: high, medium, low, none.</summary>
    public string Confidence { get => confidence; init => confidence = value ?? Confidences.None; }

    /// <summary>One sentence saying why the node group is (in)compatible or unknown.</summary>
    public string? Reason { get; init; }

    /// <summary>amiType of the same architecture to move InstantOn workloads to, when this group cannot restore them.</summary>
    public string? TargetAmiType { get; init; }

    public IReadOnlyList<InstanceRef> Instances { get => instances; init => instances = value ?? []; }

    public string? Status { get; init; }

    public string? CapacityType { get; init; }

    public IReadOnlyList<string> InstanceTypes { get => instanceTypes; init => instanceTypes = value ?? []; }

    public IReadOnlyList<string> Subnets { get => subnets; init => subnets = value ?? []; }

    public string? NodeRole { get; init; }

    public int? MinSize { get; init; }

    public int? MaxSize { get; init; }

    public int? DesiredSize { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get => labels; init => labels = value ?? new Dictionary<string, string>(); }

    public IReadOnlyList<NodegroupTaint> Taints { get => taints; init => taints = value ?? []; }

    /// <summary>Auto Scaling group names from DescribeNodegroup.resources.</summary>
    public IReadOnlyList<string> AutoScalingGroups { get => autoScalingGroups; init => autoScalingGroups = value ?? []; }

    /// <summary>True when the node group was created from a launch template (version updates then go through it).</summary>
    public bool UsesLaunchTemplate { get; init; }
}
