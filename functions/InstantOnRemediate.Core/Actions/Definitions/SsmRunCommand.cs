using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>ssm-run-command: a reviewed SSM document (a node-config fix, or read-only diagnostics) on the node group's instances.</summary>
internal sealed class SsmRunCommand : ActionKind<SsmRunCommandParameters>
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

    public override ProvenOn ProvenOn => ProvenOn.SameNodegroup;

    public override bool CreatesNodegroup => false;

    protected override bool IsDisruptive(SsmRunCommandParameters parameters) => false;

    protected override string Describe(PlanAction action, SsmRunCommandParameters p) =>
        $"run the reviewed SSM document {p.DocumentName} on {ActionText.Count(action.Target.InstanceIds.Count)} instance(s)";
}

/// <summary>The reviewed document ssm-run-command sends to the target instances, and how.</summary>
public sealed record SsmRunCommandParameters : ActionParameters
{
    /// <summary>Most instances one action sends a document to (the executor sends batches of 50).</summary>
    public const int MaxInstances = 1000;

    public string DocumentName { get; init; } = "";

    /// <summary>A count or a percentage (SendCommand MaxConcurrency).</summary>
    public string MaxConcurrency { get; init; } = "";

    /// <summary>A count or a percentage (SendCommand MaxErrors).</summary>
    public string MaxErrors { get; init; } = "";

    public int TimeoutSeconds { get; init; }

    /// <summary>Read-only diagnostics: nothing to undo, touches no node group.</summary>
    public bool ReadOnly { get; init; }

    public override string? Validate(ActionTarget target) =>
        ActionText.ClusterTarget(target)
        ?? (DocumentName.StartsWith("{stack:", StringComparison.Ordinal)
                ? $"the policy's stack document {DocumentName} has no deployed name here (template.yaml passes it in SSM_* variables; a local run has none)"
            : !IdentifierRules.IsSsmDocumentName(DocumentName) ? "documentName is not an SSM document name"
            : target.InstanceIds.Count is 0 or > MaxInstances ? $"between 1 and {MaxInstances} target instance ids are required"
            : !target.InstanceIds.All(IdentifierRules.IsInstanceId) ? "a target instance id is not valid (i-[0-9a-f]{8,17})"
            : !IdentifierRules.IsSsmRate(MaxConcurrency) ? "maxConcurrency is not a count or a percentage"
            : !IdentifierRules.IsSsmRate(MaxErrors) ? "maxErrors is not a count or a percentage"
            : TimeoutSeconds is not (>= 30 and <= 2592000) ? "timeoutSeconds must be 30..2592000"
            : null);
}
