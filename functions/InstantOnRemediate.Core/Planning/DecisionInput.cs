using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>Everything Decide reads; nothing else (no clock, no I/O) reaches the decision.</summary>
public sealed record DecisionInput
{
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Correlated snapshot of each cluster the findings come from.</summary>
    public IReadOnlyList<ClusterInventory> Inventories { get; init; } = [];

    /// <summary>Per failing node: instance, node group, kernel, verdict. Nodes absent here are placed through the inventory.</summary>
    public IReadOnlyList<NodeCorrelation> Correlations { get; init; } = [];

    public required PolicySet Policy { get; init; }

    public required StateSnapshot State { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>
    /// For "cluster/nodegroup": a releaseVersion of the node group's own AMI family whose kernel has every missing
    /// feature (from the AMI catalog). Absent when no release of the family fixes it (e.g. AL2: kernel 5.10 throughout).
    /// </summary>
    public IReadOnlyDictionary<string, string> ReleaseCandidates { get; init; } = new Dictionary<string, string>();
}
