using InstantOnRemediate.Core.Migration;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>One node-group migration as reconcile advanced it this run, or as runbook status shows it.</summary>
internal sealed record MigrationReport
{
    public required string Id { get; init; }

    public required string Cluster { get; init; }

    public required string Source { get; init; }

    public required string Target { get; init; }

    /// <summary>The stage it is in (after this run's step).</summary>
    public required string Stage { get; init; }

    /// <summary>What this run did: wait | act | advance | stalled | complete (status: the stage's state).</summary>
    public string? Step { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>What each stage did: times and the EKS update ids it started.</summary>
    public IReadOnlyList<MigrationStageEntry> Stages { get; init; } = [];

    /// <summary>The runbook request that rolls it back (RunbookCommands).</summary>
    public string? RollbackWith { get; init; }
}
