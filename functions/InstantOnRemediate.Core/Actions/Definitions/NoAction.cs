using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>none: a visible "nothing to do, and why" entry of a plan. Never executed.</summary>
internal sealed class NoAction : ActionKind
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

    public override bool IsDisruptive(PlanAction action) => false;

    public override string Describe(PlanAction action) => "nothing: " + action.Reason;

    public override string? Validate(PlanAction action) => "a 'none' entry is not an action";
}
