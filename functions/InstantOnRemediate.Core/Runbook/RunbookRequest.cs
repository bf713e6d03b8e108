namespace InstantOnRemediate.Core.Runbook;

/// <summary>
/// One on-call request to the runbook function. There is one record per runbook action; the runbook reader
/// produces them (every member validated) and <see cref="RunbookCommands"/> is the only thing that writes them,
/// so every command the service prints is one the runbook accepts.
/// </summary>
public abstract record RunbookRequest
{
    /// <summary>The action's name on the wire (<see cref="RunbookActions"/>).</summary>
    public abstract string Action { get; }
}

/// <summary>diagnose: where restores fail in a cluster, optionally narrowed to a node group, node or pod.</summary>
public sealed record DiagnoseRequest(string Cluster) : RunbookRequest
{
    public override string Action => RunbookActions.Diagnose;

    public string? Nodegroup { get; init; }

    public string? Node { get; init; }

    public string? Pod { get; init; }

    public string? Namespace { get; init; }
}

/// <summary>plan: what the service would do now for a cluster (nothing is changed).</summary>
public sealed record PlanRequest(string Cluster) : RunbookRequest
{
    public override string Action => RunbookActions.Plan;

    public string? Cause { get; init; }

    public string? Nodegroup { get; init; }
}

/// <summary>apply: approve an action that waits for approval, and carry it out.</summary>
public sealed record ApplyRequest(string ActionId, string ApprovedBy, string Reason) : RunbookRequest
{
    public override string Action => RunbookActions.Apply;

    public string? PlanId { get; init; }
}

/// <summary>status: in-flight actions, approvals waiting, recent audit, the pause switch.</summary>
public sealed record StatusRequest : RunbookRequest
{
    public override string Action => RunbookActions.Status;

    public string? Cluster { get; init; }
}

/// <summary>rollback: undo an executed action (deleting a created node group only when asked).</summary>
public sealed record RollbackRequest(string ActionId, string ApprovedBy, string Reason) : RunbookRequest
{
    public override string Action => RunbookActions.Rollback;

    public bool DeleteCreatedNodegroup { get; init; }
}

/// <summary>pause or resume every automatic action of the account (detection and alerts go on).</summary>
public sealed record PauseRequest(string Reason, string By) : RunbookRequest
{
    public override string Action => RunbookActions.Pause;
}

public sealed record ResumeRequest(string Reason, string By) : RunbookRequest
{
    public override string Action => RunbookActions.Resume;
}
