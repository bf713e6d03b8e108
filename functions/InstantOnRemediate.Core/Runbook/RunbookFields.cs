namespace InstantOnRemediate.Core.Runbook;

/// <summary>The members each runbook action takes (required first, then optional); anything else is rejected.</summary>
public static class RunbookFields
{
    public const string Action = "action";
    public const string Cluster = "cluster";
    public const string Nodegroup = "nodegroup";
    public const string Node = "node";
    public const string Pod = "pod";
    public const string Namespace = "namespace";
    public const string Cause = "cause";
    public const string PlanId = "planId";
    public const string ActionId = "actionId";
    public const string ApprovedBy = "approvedBy";
    public const string By = "by";
    public const string Reason = "reason";
    public const string DeleteCreatedNodegroup = "deleteCreatedNodegroup";

    public static (IReadOnlyList<string> Required, IReadOnlyList<string> Optional) For(string action) => action switch
    {
        RunbookActions.Diagnose => ([Cluster], [Nodegroup, Node, Pod, Namespace]),
        RunbookActions.Plan => ([Cluster], [Cause, Nodegroup]),
        RunbookActions.Apply => ([ActionId, ApprovedBy, Reason], [PlanId]),
        RunbookActions.Status => ([], [Cluster]),
        RunbookActions.Rollback => ([ActionId, ApprovedBy, Reason], [DeleteCreatedNodegroup]),
        RunbookActions.Pause or RunbookActions.Resume => ([Reason, By], []),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a runbook action"),
    };
}
