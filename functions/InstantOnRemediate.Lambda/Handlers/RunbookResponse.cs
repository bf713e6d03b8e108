namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>The runbook function's answer to one request.</summary>
internal sealed record RunbookResponse
{
    public required string Action { get; init; }

    public required string Mode { get; init; }

    /// <summary><c>not-available</c> while the action is not wired to the core.</summary>
    public required string Status { get; init; }

    public required string Reason { get; init; }
}
