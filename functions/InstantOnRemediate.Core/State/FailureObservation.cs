namespace InstantOnRemediate.Core.State;

/// <summary>One failing restore as remembered for thresholds (an episode record): which key, which pod, when.</summary>
public sealed record FailureObservation
{
    public required string FindingId { get; init; }

    public required string Cluster { get; init; }

    public required string Nodegroup { get; init; }

    public required string Cause { get; init; }

    public string? Pod { get; init; }

    /// <summary>The pod's namespace, when the log carried it (rows written before it was recorded have none).</summary>
    public string? Namespace { get; init; }

    public string? Node { get; init; }

    public DateTimeOffset At { get; init; }

    public RemediationKey Key => new(Cluster, Nodegroup, Cause);
}
