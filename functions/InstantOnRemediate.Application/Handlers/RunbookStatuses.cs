namespace InstantOnRemediate.Application.Handlers;

/// <summary>How a runbook request went (<see cref="RunbookResponse.Status"/>).</summary>
internal static class RunbookStatuses
{
    /// <summary>Done (or nothing needed doing).</summary>
    public const string Ok = "ok";

    /// <summary>Valid request the service will not carry out now (wrong state, paused, not allowed); the summary says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>The cluster, node group, node, pod or action named is unknown.</summary>
    public const string NotFound = "not-found";

    /// <summary>Tried and failed (an AWS call or the action itself); the summary says what failed.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Ok, Rejected, NotFound, Failed];
}
