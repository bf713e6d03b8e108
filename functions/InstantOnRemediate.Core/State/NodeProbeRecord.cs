namespace InstantOnRemediate.Core.State;

/// <summary>
/// What a node of a node group said about itself when the stack's read-only diagnostics document ran on it (a
/// diagnostics action followed by reconcile, or the runbook's diagnose). It stands for the whole node group while the
/// group's instances run the same AMI: the inventory applies it in place of the AMI catalog's inference, with high
/// confidence and the source named.
/// </summary>
public sealed record NodeProbeRecord
{
    public required string Cluster { get; init; }

    public required string Nodegroup { get; init; }

    /// <summary>The instance that answered (the lowest kernel when several did).</summary>
    public required string InstanceId { get; init; }

    /// <summary>The AMI the instance ran: the record applies to instances of the group on the same AMI only.</summary>
    public string? AmiId { get; init; }

    /// <summary>uname -r as the node reported it (validated as a kernel release).</summary>
    public required string Kernel { get; init; }

    /// <summary>Kernel features tested directly on the node (criu check, /proc) → supported.</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();

    public DateTimeOffset At { get; init; }

    /// <summary>Who ran the probe: <c>diagnostics action &lt;id&gt;</c> or <c>runbook diagnose</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The SSM command whose output this is.</summary>
    public string? CommandId { get; init; }
}
