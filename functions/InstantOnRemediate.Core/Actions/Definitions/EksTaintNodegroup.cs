using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-taint-nodegroup: keeps pods without a toleration off a node group; NO_EXECUTE also evicts.</summary>
internal sealed class EksTaintNodegroup : ActionKind<EksTaintNodegroupParameters>
{
    public override string Name => ActionTypes.EksTaintNodegroup;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.EksUpdate;

    public override VerificationKind Verification => VerificationKind.Marker;

    public override UndoKind Undo => UndoKind.Reversible;

    public override ProvenOn ProvenOn => ProvenOn.CompatibleNodegroups;

    public override bool CreatesNodegroup => false;

    /// <summary>NO_EXECUTE evicts running pods.</summary>
    protected override bool IsDisruptive(EksTaintNodegroupParameters parameters) => parameters.TaintEffect == "NO_EXECUTE";

    protected override string Describe(PlanAction action, EksTaintNodegroupParameters p) => $"taint node group {ActionText.Where(action.Target)} with {p.TaintKey}:{p.TaintEffect}";
}

/// <summary>The taint eks-taint-nodegroup puts on the target node group.</summary>
public sealed record EksTaintNodegroupParameters : ActionParameters
{
    public string TaintKey { get; init; } = "";

    public string? TaintValue { get; init; }

    /// <summary>NO_SCHEDULE | PREFER_NO_SCHEDULE | NO_EXECUTE.</summary>
    public string TaintEffect { get; init; } = "";

    public override string? Validate(ActionTarget target) =>
        ActionText.NodegroupTarget(target)
        ?? (!IdentifierRules.IsLabelKey(TaintKey) ? "taintKey is not a Kubernetes taint key"
        : !IdentifierRules.IsLabelValue(TaintValue ?? "") ? "taintValue is not a valid taint value"
        : !IdentifierRules.IsTaintEffect(TaintEffect) ? "taintEffect is not NO_SCHEDULE | PREFER_NO_SCHEDULE | NO_EXECUTE"
        : null);
}
