using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>status: what is in flight, what waits for a person, what happened lately, and the pause switch.</summary>
internal sealed record RunbookStatusReport
{
    public bool Paused { get; init; }

    public string? PauseSource { get; init; }

    public IReadOnlyList<string> Clusters { get; init; } = [];

    public IReadOnlyList<InFlightAction> InFlight { get; init; } = [];

    public IReadOnlyList<RunbookPendingAction> AwaitingApproval { get; init; } = [];

    /// <summary>Latest first, at most 20.</summary>
    public IReadOnlyList<AuditRecord> RecentAudit { get; init; } = [];

    /// <summary>Node-group migrations (running and finished lately): stage, what each stage did, the rollback request.</summary>
    public IReadOnlyList<MigrationReport> Migrations { get; init; } = [];
}
