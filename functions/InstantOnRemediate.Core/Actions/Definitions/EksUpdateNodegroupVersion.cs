using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-update-nodegroup-version: rolls a node group to a release whose kernel has what CRIU needs.</summary>
internal sealed class EksUpdateNodegroupVersion : ActionKind
{
    public override string Name => ActionTypes.EksUpdateNodegroupVersion;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => true;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.EksUpdate;

    public override VerificationKind Verification => VerificationKind.LaterRestores;

    public override UndoKind Undo => UndoKind.Manual;

    public override bool IsDisruptive(PlanAction action) => true;

    public override string Describe(PlanAction action) => $"update node group {ActionText.Where(action)} to release {action.Param("releaseVersion")}";

    public override string? Validate(PlanAction action) =>
        ActionText.NodegroupTarget(action)
        ?? (!IdentifierRules.IsReleaseVersion(action.Parameters.GetValueOrDefault("releaseVersion")) ? "releaseVersion is not an EKS release version" : null);
}
