namespace InstantOnRemediate.Application.Handlers;

/// <summary>An action waiting for a person: what it is, since when, and the request that approves it.</summary>
internal sealed record RunbookPendingAction
{
    public required string ActionId { get; init; }

    public required string Cluster { get; init; }

    public string? Type { get; init; }

    public string? Nodegroup { get; init; }

    public string? Cause { get; init; }

    public DateTimeOffset PendingSince { get; init; }

    public long AgeMinutes { get; init; }

    public string? Reason { get; init; }

    /// <summary>The runbook payload that approves it (fill in approvedBy and reason).</summary>
    public string? ApproveWith { get; init; }
}
