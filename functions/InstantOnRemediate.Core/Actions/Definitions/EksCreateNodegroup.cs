using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-create-nodegroup: a clone of an incompatible node group with a compatible amiType (AL2 → AL2023).</summary>
internal sealed class EksCreateNodegroup : ActionKind
{
    public override string Name => ActionTypes.EksCreateNodegroup;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => true;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.EksCreatedNodegroup;

    public override VerificationKind Verification => VerificationKind.LaterRestores;

    public override UndoKind Undo => UndoKind.OnExplicitRequest;

    public override bool IsDisruptive(PlanAction action) => true;

    public override string Describe(PlanAction action) =>
        $"create node group {action.Param("nodegroupName")} ({action.Param("amiType")}) in {action.Target.Cluster}, cloned from {action.Target.Nodegroup}";

    public override string? Validate(PlanAction action) =>
        ActionText.NodegroupTarget(action)
        ?? (!IdentifierRules.IsNodegroupName(action.Parameters.GetValueOrDefault("nodegroupName")) ? "nodegroupName is not a valid node-group name"
        : !IdentifierRules.IsRoleArn(action.Parameters.GetValueOrDefault("nodeRole")) ? "nodeRole is not an IAM role ARN"
        : null);
}
