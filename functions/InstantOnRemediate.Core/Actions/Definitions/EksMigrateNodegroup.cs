using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>
/// eks-migrate-nodegroup: moves the workloads of a node group that cannot restore InstantOn onto a compatible one,
/// in stages reconcile advances one per run (prepare, wait for the target, fence, drain, verify, retire;
/// <see cref="Migration.MigrationStepper"/>). Approved once as a whole; deleting the old group needs its own approval.
/// </summary>
internal sealed class EksMigrateNodegroup : ActionKind
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

    public override bool IsDisruptive(PlanAction action) => true;

    public override string Describe(PlanAction action) =>
        action.Parameters.GetValueOrDefault("stage") == "retire"
            ? $"delete node group {ActionText.Where(action)}, drained by migration {action.Param("migrationId")}"
            : $"migrate node group {ActionText.Where(action)} to {action.Param("targetNodegroup")} ({action.Param("amiType")}): prepare, wait, fence, drain, verify, retire";

    public override string? Validate(PlanAction action) =>
        ActionText.NodegroupTarget(action)
        ?? (!IdentifierRules.IsNodegroupName(action.Parameters.GetValueOrDefault("targetNodegroup")) ? "targetNodegroup is not a valid node-group name"
        : action.Parameters.GetValueOrDefault("targetNodegroup") == action.Target.Nodegroup ? "targetNodegroup must differ from the node group it replaces"
        : null);
}
