using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Runbook;

namespace InstantOnRemediate.Core.Alerts;

/// <summary>Everything an alert about one (cluster, node group, cause) group says.</summary>
public sealed record AlertGroup
{
    public required string Cluster { get; init; }

    /// <summary>Null when the node could not be placed in a node group.</summary>
    public string? Nodegroup { get; init; }

    public required string Cause { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The correlation of the group's node(s); the first one decides the verdict text.</summary>
    public IReadOnlyList<NodeCorrelation> Correlation { get; init; } = [];

    /// <summary>The node group as inventoried (family, release, kernel), when known.</summary>
    public NodegroupInventory? NodegroupDetail { get; init; }

    /// <summary>The plan actions that answer this group.</summary>
    public IReadOnlyList<PlanAction> Actions { get; init; } = [];

    /// <summary>The planner's notify action for this group: its counts (failures, pods, window) and steering advice.</summary>
    public PlanAction? Notify { get; init; }

    public required string PlanId { get; init; }

    public required string Mode { get; init; }

    /// <summary>Where the approve / undo / pause / plan commands the alert prints go (function, Systems Manager runbooks).</summary>
    public RunbookLinks Runbooks { get; init; } = new();

    /// <summary>Names of kernel features and their minimum versions, for "lacks X (Linux N+)" sentences.</summary>
    public IReadOnlyDictionary<string, string> FeatureMinimums { get; init; } = new Dictionary<string, string>();
}
