using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Events;

/// <summary>
/// A node group's InstantOn compatibility as an event carries it: the verdict and where it comes from (an SSM probe,
/// the CRIU log, the AMI catalog, observed restores, or unknown), so a consumer can weigh it.
/// </summary>
public sealed record EventVerdict
{
    /// <summary><c>compatible</c>, <c>incompatible</c> or <c>unknown</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The kernel's source: ssm-probe, criu-log, ami-catalog, observed-restores or unknown.</summary>
    public required string Source { get; init; }

    public string? Kernel { get; init; }

    /// <summary>Kernel feature ids the node group lacks.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    public string? Reason { get; init; }

    /// <summary>The source for a verdict drawn from restore outcomes seen on the node group (not in <see cref="KernelSources"/>).</summary>
    public const string ObservedRestores = "observed-restores";

    public static readonly IReadOnlyList<string> Sources = [.. KernelSources.ByTrust, ObservedRestores];

    public static EventVerdict Of(NodegroupInventory nodegroup)
    {
        ArgumentNullException.ThrowIfNull(nodegroup);
        return new EventVerdict
        {
            Status = nodegroup.Compatible switch
            {
                true => CompatibilityStatuses.Compatible,
                false => CompatibilityStatuses.Incompatible,
                null => CompatibilityStatuses.Unknown,
            },
            Source = nodegroup.KernelSource,
            Kernel = nodegroup.Kernel,
            Missing = nodegroup.Missing,
            Reason = nodegroup.Reason,
        };
    }
}
