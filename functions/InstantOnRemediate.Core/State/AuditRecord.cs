namespace InstantOnRemediate.Core.State;

/// <summary>Who did what, when and why: one line of the audit trail.</summary>
public sealed record AuditRecord
{
    public required string Cluster { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Function + request id, or the approving person (runbook).</summary>
    public required string Who { get; init; }

    /// <summary>What happened: executed, skipped, failed, approved, paused, resumed, rolled-back.</summary>
    public required string What { get; init; }

    public string? ActionId { get; init; }

    public string? ActionType { get; init; }

    public string? Nodegroup { get; init; }

    /// <summary>The reason in words (the action's reason, or the operator's).</summary>
    public required string Why { get; init; }

    /// <summary>EKS update id, SSM command id, SNS message id.</summary>
    public string? Reference { get; init; }
}
