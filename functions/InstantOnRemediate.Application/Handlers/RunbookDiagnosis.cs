using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>diagnose: what failed lately, what the node groups can do, what is in flight, and what the container logs say.</summary>
internal sealed record RunbookDiagnosis
{
    public required string Cluster { get; init; }

    /// <summary>What was diagnosed, in words: the cluster, a node group, a node or a pod.</summary>
    public required string Scope { get; init; }

    /// <summary>The most likely cause (container logs first, then recorded failures); null when nothing failed.</summary>
    public string? Cause { get; init; }

    public string? Explanation { get; init; }

    public string? Fix { get; init; }

    /// <summary>Recorded restore failures within the last 24 hours, latest first.</summary>
    public IReadOnlyList<FailureObservation> Failures { get; init; } = [];

    /// <summary>The node groups in scope, assessed: kernel, source, compatible, missing features, reason, target amiType.</summary>
    public IReadOnlyList<NodegroupInventory> Nodegroups { get; init; } = [];

    /// <summary>Evidence in words: failure counts, the classified log lines.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public IReadOnlyList<InFlightAction> InFlight { get; init; } = [];

    /// <summary>The container log search (running against AWS only).</summary>
    public RunbookLogSearch? Logs { get; init; }
}
