using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>ssm-automation: a node-group release update through AWS-UpdateEKSManagedNodeGroup (policy nodegroupUpdates.via).</summary>
internal sealed class SsmAutomation : ActionKind
{
    public override string Name => ActionTypes.SsmAutomation;

    public override bool Rolling => true;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.SsmAutomation;

    public override VerificationKind Verification => VerificationKind.LaterRestores;

    public override UndoKind Undo => UndoKind.Manual;

    public override bool IsDisruptive(PlanAction action) => true;

    public override string Describe(PlanAction action) => $"start SSM automation {action.Param("documentName")} for {ActionText.Where(action)}";

    public override string? Validate(PlanAction action) =>
        ActionText.NodegroupTarget(action)
        ?? (string.IsNullOrEmpty(action.Parameters.GetValueOrDefault("documentName")) ? "documentName is missing" : null);
}
