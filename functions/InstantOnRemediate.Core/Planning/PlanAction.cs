namespace InstantOnRemediate.Core.Planning;

/// <summary>One step of a plan: a typed action with validated parameters and a reason a person understands.</summary>
public sealed record PlanAction
{
    /// <summary>Deterministic id (hash of type, target and cause): the claim key and the EKS clientRequestToken seed.</summary>
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required ActionTarget Target { get; init; }

    /// <summary>Validated parameters (label keys/values, taint, document name, release version, ...). Never raw log text.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public required string Status { get; init; }

    public required string Reason { get; init; }

    /// <summary>The cause this action answers, and the findings behind it.</summary>
    public string? Cause { get; init; }

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public bool Disruptive { get; init; }

    /// <summary>How to undo it, in words (and the runbook rollback knows how in code).</summary>
    public string? Undo { get; init; }

    /// <summary>
    /// The mode this action falls under (observe | recommend | enforce): a planned action runs only under
    /// enforce, except notify, which is the alert every mode sends (see ExecutionRule).
    /// </summary>
    public string? Mode { get; init; }

    /// <summary>Set after execution: e.g. the EKS update id or SSM command id to follow.</summary>
    public string? Reference { get; init; }
}
