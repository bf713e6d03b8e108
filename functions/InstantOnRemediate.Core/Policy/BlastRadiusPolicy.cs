using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// Limits on how much of a cluster one decision may touch (min-healthy / max-unhealthy in medik8s terms).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BlastRadiusPolicy
{
    /// <summary>Node-group rollouts (version update, new node group) in flight at once per cluster.</summary>
    public int MaxNodegroupUpdatesInFlightPerCluster { get; set; } = 1;

    /// <summary>Share (0..1] of a cluster's node groups that actions may touch per window; at least one.</summary>
    public double MaxNodegroupShareTouchedPerWindow { get; set; } = 0.25;

    public int TouchWindowMinutes { get; set; } = 60;

    /// <summary>Compatible, healthy node groups that must remain schedulable after a taint (min-healthy).</summary>
    public int MinCompatibleHealthyNodegroups { get; set; } = 1;

    /// <summary>More failing node groups than this in one cluster is a storm: node-group changes are held for a person (max-unhealthy).</summary>
    public int MaxUnhealthyNodegroups { get; set; } = 10;
}
