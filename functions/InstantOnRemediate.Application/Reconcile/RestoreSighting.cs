namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// One observed restore outcome used as evidence by verification: from the container logs (pod, node, time) or,
/// offline, from the state store's counters (node group only, no time).
/// </summary>
internal sealed record RestoreSighting
{
    public required string Verdict { get; init; }

    public required string Cause { get; init; }

    public string? Namespace { get; init; }

    public string? Pod { get; init; }

    public string? Node { get; init; }

    public string? Nodegroup { get; init; }

    /// <summary>When it was logged; null when the source keeps no time (state-store counters).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Where the evidence comes from, in words (log group, or the state store's counters).</summary>
    public required string Source { get; init; }

    public string Describe() =>
        (Pod is null ? "a restore" : $"pod {(Namespace is null ? "" : Namespace + "/")}{Pod}") +
        (Nodegroup is null ? "" : $" on node group {Nodegroup}") + (Node is null ? "" : $" (node {Node})") +
        (At is { } at ? $" at {at:yyyy-MM-dd HH:mm:ss}Z" : "") + $" [{Source}]";
}
