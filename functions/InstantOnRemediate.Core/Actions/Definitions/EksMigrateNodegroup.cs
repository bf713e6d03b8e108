using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>
/// eks-migrate-nodegroup: moves the workloads of a node group that cannot restore InstantOn onto a compatible one,
/// in stages reconcile advances one per run (prepare, wait for the target, fence, drain, verify, retire;
/// <see cref="Migration.MigrationStepper"/>). Approved once as a whole; deleting the old group needs its own approval.
/// </summary>
internal sealed class EksMigrateNodegroup : ActionKind<EksMigrateNodegroupParameters>
{
    public override string Name => ActionTypes.EksMigrateNodegroup;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => true; // adds and drains nodes: one migration in flight per cluster

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.None; // reconcile's migration step follows it, not the action follower

    public override VerificationKind Verification => VerificationKind.LaterRestores;

    public override UndoKind Undo => UndoKind.Reversible;

    public override ProvenOn ProvenOn => ProvenOn.Nowhere;

    public override bool CreatesNodegroup => true;

    protected override bool IsDisruptive(EksMigrateNodegroupParameters parameters) => true;

    protected override string Describe(PlanAction action, EksMigrateNodegroupParameters p) =>
        p.IsRetire
            ? $"delete node group {ActionText.Where(action.Target)}, drained by migration {p.MigrationId}"
            : $"migrate node group {ActionText.Where(action.Target)} to {p.TargetNodegroup} ({p.AmiType}): prepare, wait, fence, drain, verify, retire";
}

/// <summary>
/// A staged migration of the target node group (the old one) to <see cref="TargetNodegroup"/>: the old group's
/// scaling (to restore on rollback), the fence, and, when <see cref="CreateTarget"/>, the clone to create. The
/// approved deletion of the drained old group is the same kind with <see cref="Stage"/> = retire.
/// </summary>
public sealed record EksMigrateNodegroupParameters : ActionParameters
{
    public const string RetireStage = "retire";

    /// <summary>retire: the deletion of the drained old group; absent: the migration itself.</summary>
    public string? Stage { get; init; }

    /// <summary>The migration a retire step belongs to.</summary>
    public string? MigrationId { get; init; }

    public string TargetNodegroup { get; init; } = "";

    /// <summary>The target is a clone this action creates (else an existing compatible group it scales up).</summary>
    public bool CreateTarget { get; init; }

    public string? AmiType { get; init; }

    /// <summary>The old group's scaling, restored on rollback.</summary>
    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    public int DesiredSize { get; init; }

    /// <summary>taint | label.</summary>
    public string Fence { get; init; } = "";

    public string FenceKey { get; init; } = "";

    public string? FenceValue { get; init; }

    public string? FenceEffect { get; init; }

    /// <summary>Most nodes removed per reconcile run.</summary>
    public int DrainStep { get; init; }

    /// <summary>delete | keep: what becomes of the drained old group.</summary>
    public string? Retire { get; init; }

    /// <summary>Existing target: the size it is scaled to, and its maximum.</summary>
    public int? TargetDesiredSize { get; init; }

    public int? TargetMaxSize { get; init; }

    /// <summary>Created target: the clone's instance types, subnets, node role, capacity type, labels, taints and version.</summary>
    public IReadOnlyList<string>? InstanceTypes { get; init; }

    public IReadOnlyList<string>? Subnets { get; init; }

    public string? NodeRole { get; init; }

    public string? CapacityType { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyList<NodegroupTaint>? Taints { get; init; }

    public string? KubernetesVersion { get; init; }

    [JsonIgnore]
    public bool IsRetire => Stage == RetireStage;

    /// <summary>The clone a created target is, as eks-create-nodegroup parameters (validated and undone the same way).</summary>
    public EksCreateNodegroupParameters TargetClone(string sourceNodegroup) => new()
    {
        SourceNodegroup = sourceNodegroup,
        NodegroupName = TargetNodegroup,
        AmiType = AmiType ?? "",
        InstanceTypes = InstanceTypes ?? [],
        Subnets = Subnets ?? [],
        NodeRole = NodeRole ?? "",
        CapacityType = CapacityType,
        MinSize = MinSize,
        MaxSize = Math.Max(1, MaxSize),
        DesiredSize = DesiredSize,
        Labels = Labels ?? new Dictionary<string, string>(),
        KubernetesVersion = KubernetesVersion,
    };

    public override string? Validate(ActionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ActionText.NodegroupTarget(target) is { } invalid)
        {
            return invalid;
        }

        if (IsRetire)
        {
            return IdentifierRules.IsNodegroupName(TargetNodegroup) ? null : "targetNodegroup is not a valid node-group name";
        }

        var problem = !IdentifierRules.IsNodegroupName(TargetNodegroup) || TargetNodegroup == target.Nodegroup ? "targetNodegroup is not a valid node-group name other than the old group"
            : MinSize < 0 || MinSize > MaxSize || DesiredSize < MinSize || DesiredSize > MaxSize ? "minSize/maxSize/desiredSize of the old group are missing or inconsistent"
            : !IdentifierRules.IsLabelKey(FenceKey) || !IdentifierRules.IsLabelValue(FenceValue ?? "") ? "fenceKey/fenceValue are not a valid taint or label"
            : Fence is not ("taint" or "label") ? "fence is not taint | label"
            : null;
        if (problem is not null || !CreateTarget)
        {
            return problem ?? (TargetDesiredSize is > 0 ? null : "targetDesiredSize of the existing target is missing");
        }

        return TargetClone(target.Nodegroup!).Validate(target)
            ?? ((Taints ?? []).Any(t => !IdentifierRules.IsLabelKey(t.Key) || !IdentifierRules.IsTaintEffect(t.Effect)) ? "taints contain an invalid taint" : null);
    }
}
