using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// How a node-group migration (eks-migrate-nodegroup) runs: whether the planner proposes one, how fast the old
/// group drains, how long a stage may wait before people are told, and how the old group is retired.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MigrationPolicy
{
    public static readonly IReadOnlyList<string> RetireModes = ["keep-at-zero", "delete"];

    public static readonly IReadOnlyList<string> FenceModes = ["taint", "label"];

    /// <summary>Plan a staged migration instead of a bare clone (eks-create-nodegroup) for a node group that cannot restore.</summary>
    public bool Enabled { get; set; }

    /// <summary>Nodes the old group loses per reconcile run at most.</summary>
    public int DrainStep { get; set; } = 1;

    /// <summary>Minutes a stage may wait (target ACTIVE with its instances, an update, a drain step, the proof) before people are told it stalls.</summary>
    public int StageTimeoutMinutes { get; set; } = 30;

    /// <summary>Successful restores of the affected workloads on the target group needed before the old group is retired.</summary>
    public int VerifySuccesses { get; set; } = 1;

    /// <summary>keep-at-zero (the old group stays at 0 nodes with its fence) | delete (DeleteNodegroup, with its own approval).</summary>
    public string Retire { get; set; } = "keep-at-zero";

    /// <summary>taint (NO_SCHEDULE taint on the old group) | label (the restore-compatible=false label; workloads steer by affinity).</summary>
    public string Fence { get; set; } = "taint";
}
