using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>ssm-run-command: a reviewed SSM document (a node-config fix, or read-only diagnostics) on the node group's instances.</summary>
internal sealed class SsmRunCommand : ActionKind
{
    public override string Name => ActionTypes.SsmRunCommand;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.SsmCommand;

    public override VerificationKind Verification => VerificationKind.LaterRestores;

    public override UndoKind Undo => UndoKind.Reversible;

    public override bool IsDisruptive(PlanAction action) => false;

    public override string Describe(PlanAction action) =>
        $"run the reviewed SSM document {action.Param("documentName")} on {ActionText.Count(action.Target.InstanceIds.Count)} instance(s)";

    public override string? Validate(PlanAction action) =>
        !IdentifierRules.IsClusterName(action.Target.Cluster) ? "target cluster is missing or not a valid EKS cluster name"
        : action.Target.InstanceIds.Count == 0 || !action.Target.InstanceIds.All(IdentifierRules.IsInstanceId) ? "the target instance ids are missing or not valid"
        : string.IsNullOrEmpty(action.Parameters.GetValueOrDefault("documentName")) ? "documentName is missing"
        : null;
}
