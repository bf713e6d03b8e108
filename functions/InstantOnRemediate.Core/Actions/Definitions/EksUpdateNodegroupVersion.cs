using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-update-nodegroup-version: rolls a node group to a release whose kernel has what CRIU needs.</summary>
internal sealed class EksUpdateNodegroupVersion : ActionKind<EksUpdateNodegroupVersionParameters>
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

    public override ProvenOn ProvenOn => ProvenOn.SameNodegroup;

    public override bool CreatesNodegroup => false;

    protected override bool IsDisruptive(EksUpdateNodegroupVersionParameters parameters) => true;

    protected override string Describe(PlanAction action, EksUpdateNodegroupVersionParameters p) => $"update node group {ActionText.Where(action.Target)} to release {p.ReleaseVersion}";
}

/// <summary>The release eks-update-nodegroup-version rolls the node group to, and the one it had.</summary>
public sealed record EksUpdateNodegroupVersionParameters : ActionParameters
{
    public string ReleaseVersion { get; init; } = "";

    /// <summary>The release before the update ("" when the inventory did not say): the way back, by hand.</summary>
    public string CurrentReleaseVersion { get; init; } = "";

    public override string? Validate(ActionTarget target) =>
        ActionText.NodegroupTarget(target)
        ?? (!IdentifierRules.IsReleaseVersion(ReleaseVersion) ? "releaseVersion is not a valid EKS release version" : null);
}
