using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-label-nodegroup: marks a node group that cannot restore InstantOn, so workloads can avoid it.</summary>
internal sealed class EksLabelNodegroup : ActionKind
{
    public override string Name => ActionTypes.EksLabelNodegroup;

    public override string? DefaultMode => Modes.Enforce;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.EksUpdate;

    public override VerificationKind Verification => VerificationKind.Marker;

    public override UndoKind Undo => UndoKind.Reversible;

    public override bool IsDisruptive(PlanAction action) => false;

    public override string Describe(PlanAction action) => $"label node group {ActionText.Where(action)} with {action.Param("labelKey")}={action.Param("labelValue")}";

    public override string? Validate(PlanAction action) =>
        ActionText.NodegroupTarget(action)
        ?? (!IdentifierRules.IsLabelKey(action.Parameters.GetValueOrDefault("labelKey")) ? "labelKey is not a Kubernetes label key"
        : !IdentifierRules.IsLabelValue(action.Parameters.GetValueOrDefault("labelValue")) ? "labelValue is not a Kubernetes label value"
        : null);
}
