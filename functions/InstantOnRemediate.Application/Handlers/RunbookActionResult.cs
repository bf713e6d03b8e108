using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>apply / rollback: who asked, why, and the action as it now stands (status, reason, reference).</summary>
internal sealed record RunbookActionResult
{
    public required PlanAction Action { get; init; }

    public required string ApprovedBy { get; init; }

    public required string Why { get; init; }

    /// <summary>What to run next, e.g. the rollback request for an executed action.</summary>
    public string? Next { get; init; }
}
