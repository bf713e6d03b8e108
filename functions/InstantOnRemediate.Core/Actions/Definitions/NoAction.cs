using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>none: a visible "nothing to do, and why" entry of a plan. Never executed.</summary>
internal sealed class NoAction : ActionKind<NoParameters>
{
    public override string Name => ActionTypes.None;

    public override string? DefaultMode => null;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => false;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => false;

    public override FollowKind Follow => FollowKind.None;

    public override VerificationKind Verification => VerificationKind.None;

    public override UndoKind Undo => UndoKind.Nothing;

    public override ProvenOn ProvenOn => ProvenOn.Nowhere;

    public override bool CreatesNodegroup => false;

    protected override bool IsDisruptive(NoParameters parameters) => false;

    protected override string Describe(PlanAction action, NoParameters parameters) => "nothing: " + action.Reason;
}
