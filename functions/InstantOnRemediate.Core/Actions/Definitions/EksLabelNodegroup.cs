using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-label-nodegroup: marks a node group that cannot restore InstantOn, so workloads can avoid it.</summary>
internal sealed class EksLabelNodegroup : ActionKind<EksLabelNodegroupParameters>
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

    public override ProvenOn ProvenOn => ProvenOn.CompatibleNodegroups;

    public override bool CreatesNodegroup => false;

    protected override bool IsDisruptive(EksLabelNodegroupParameters parameters) => false;

    protected override string Describe(PlanAction action, EksLabelNodegroupParameters p) => $"label node group {ActionText.Where(action.Target)} with {p.LabelKey}={p.LabelValue}";
}

/// <summary>The label eks-label-nodegroup puts on the target node group.</summary>
public sealed record EksLabelNodegroupParameters : ActionParameters
{
    public string LabelKey { get; init; } = "";

    public string LabelValue { get; init; } = "";

    public override string? Validate(ActionTarget target) =>
        ActionText.NodegroupTarget(target)
        ?? (!IdentifierRules.IsLabelKey(LabelKey) ? "labelKey is not a Kubernetes label key"
        : !IdentifierRules.IsLabelValue(LabelValue) ? "labelValue is not a Kubernetes label value"
        : null);
}
