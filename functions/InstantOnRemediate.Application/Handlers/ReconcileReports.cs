namespace InstantOnRemediate.Application.Handlers;

/// <summary>One in-flight action as followed this run.</summary>
internal sealed record FollowedAction
{
    public required string ActionId { get; init; }

    public required string Type { get; init; }

    public required string Cluster { get; init; }

    public string? Nodegroup { get; init; }

    public string? Reference { get; init; }

    /// <summary>in-progress | successful | failed | cancelled | unknown | not-followed.</summary>
    public required string Status { get; init; }

    public required string Detail { get; init; }

    /// <summary>A diagnostics run that finished: the node group's verdict as its nodes reported it.</summary>
    public NodeVerdictReport? NodeVerdict { get; init; }
}

/// <summary>One executed remediation judged from later restore outcomes.</summary>
internal sealed record VerificationReport
{
    public required string ActionId { get; init; }

    public required string Type { get; init; }

    public required string Cluster { get; init; }

    public string? Nodegroup { get; init; }

    public string? Cause { get; init; }

    public DateTimeOffset ExecutedAt { get; init; }

    /// <summary>settling | waiting | verified | fix-not-working | no-outcome.</summary>
    public required string Status { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>One escalation to people.</summary>
internal sealed record EscalationReport
{
    /// <summary>action-failed | fix-not-working | no-outcome | approval-overdue.</summary>
    public required string Kind { get; init; }

    public required string Cluster { get; init; }

    public string? ActionId { get; init; }

    public string? Nodegroup { get; init; }

    public required string Reason { get; init; }
}

/// <summary>The compatibility audit of one cluster.</summary>
internal sealed record ClusterAuditReport
{
    public required string Cluster { get; init; }

    public int Compatible { get; init; }

    public int Incompatible { get; init; }

    public int Unknown { get; init; }

    public IReadOnlyList<IncompatibleNodegroupReport> IncompatibleNodegroups { get; init; } = [];
}

/// <summary>A node group that cannot restore InstantOn checkpoints, why, and where to go instead.</summary>
internal sealed record IncompatibleNodegroupReport
{
    public required string Nodegroup { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = [];

    public string? TargetAmiType { get; init; }

    public IReadOnlyList<string> CompatibleNodegroups { get; init; } = [];

    /// <summary>InstantOn workloads (namespace/name) seen in the cluster that would fail there.</summary>
    public IReadOnlyList<string> Workloads { get; init; } = [];

    /// <summary>True when this run alerted about it (first time within the cooldown).</summary>
    public bool Alerted { get; init; }

    /// <summary>The claim of its alert (decided before the claim is tried; not part of the response).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? AlertClaimId { get; init; }
}

/// <summary>A node group's InstantOn verdict as its nodes reported it (diagnostics), beside what was inferred before.</summary>
internal sealed record NodeVerdictReport
{
    public required string Nodegroup { get; init; }

    /// <summary>The instance whose report stands for the group (the lowest kernel of those read).</summary>
    public string? InstanceId { get; init; }

    public string? Kernel { get; init; }

    /// <summary>Can the group restore InstantOn, as the node says (null: could not tell).</summary>
    public bool? Compatible { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Where the verdict now comes from (ssm-probe).</summary>
    public string? KernelSource { get; init; }

    public bool? CompatibleBefore { get; init; }

    public string? KernelBefore { get; init; }

    public string? KernelSourceBefore { get; init; }

    /// <summary>The node said otherwise than the inference (verdict or kernel).</summary>
    public bool Changed { get; init; }

    public required string Detail { get; init; }
}
