using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-taint-nodegroup: keeps pods without a toleration off a node group; NO_EXECUTE also evicts.</summary>
internal sealed class EksTaintNodegroup : ActionKind
{
    public static readonly IReadOnlyList<string> Effects = ["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"];

    public override string Name => ActionTypes.EksTaintNodegroup;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.EksUpdate;

    public override VerificationKind Verification => VerificationKind.Marker;

    public override UndoKind Undo => UndoKind.Reversible;

    /// <summary>NO_EXECUTE evicts running pods.</summary>
    public override bool IsDisruptive(PlanAction action) => action.Parameters.GetValueOrDefault("taintEffect") == "NO_EXECUTE";

    public override string Describe(PlanAction action) => $"taint node group {ActionText.Where(action)} with {action.Param("taintKey")}:{action.Param("taintEffect")}";

    public override string? Validate(PlanAction action) =>
        ActionText.NodegroupTarget(action)
        ?? (!IdentifierRules.IsLabelKey(action.Parameters.GetValueOrDefault("taintKey")) ? "taintKey is not a Kubernetes taint key"
        : !Effects.Contains(action.Parameters.GetValueOrDefault("taintEffect") ?? "") ? $"taintEffect must be one of {string.Join(", ", Effects)}"
        : null);
}
