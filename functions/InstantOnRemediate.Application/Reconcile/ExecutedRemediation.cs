namespace InstantOnRemediate.Application.Reconcile;

/// <summary>A remediation the service carried out (from the audit trail), whose effect reconcile verifies.</summary>
internal sealed record ExecutedRemediation
{
    public required string ActionId { get; init; }

    public required string Type { get; init; }

    public required string Cluster { get; init; }

    /// <summary>The node group the failures were on (the action's target).</summary>
    public string? Nodegroup { get; init; }

    public string? Cause { get; init; }

    /// <summary>EKS update id, created node-group name, SSM command id.</summary>
    public string? Reference { get; init; }

    public DateTimeOffset At { get; init; }
}
