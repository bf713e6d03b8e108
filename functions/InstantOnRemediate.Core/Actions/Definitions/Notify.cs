using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>notify: the alert to people (SNS). Runs in every mode; rate-limited by its claim.</summary>
internal sealed class Notify : ActionKind
{
    public override string Name => ActionTypes.Notify;

    public override string? DefaultMode => Modes.Enforce;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => false;

    public override bool RunsInEveryMode => true;

    public override bool FollowedByReconcile => false;

    public override FollowKind Follow => FollowKind.None;

    public override VerificationKind Verification => VerificationKind.None;

    public override UndoKind Undo => UndoKind.Nothing;

    public override bool IsDisruptive(PlanAction action) => false;

    public override string Describe(PlanAction action) => "notify: " + (action.Parameters.TryGetValue("summary", out var s) ? s : "people are told");

    public override string? Validate(PlanAction action) => null;
}
