namespace InstantOnRemediate.Core.State;

/// <summary>An executed action whose effect is still rolling out (EKS update, new node group, SSM command).</summary>
public sealed record InFlightAction
{
    public required string ActionId { get; init; }

    public required string Type { get; init; }

    public required string Cluster { get; init; }

    public string? Nodegroup { get; init; }

    public string? Cause { get; init; }

    /// <summary>EKS update id, node-group name, SSM command id or automation execution id to follow.</summary>
    public string? Reference { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The SSM document an ssm-run-command action ran (reconcile reads the diagnostics document's output); null otherwise.</summary>
    public string? Document { get; init; }
}
