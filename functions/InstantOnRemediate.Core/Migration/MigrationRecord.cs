namespace InstantOnRemediate.Core.Migration;

/// <summary>
/// One node-group migration as the state table keeps it (row <c>migration#&lt;cluster&gt;</c> / its id): where it
/// stands, what the old group looked like before (for the rollback), and what each stage did (times, EKS update ids).
/// </summary>
public sealed record MigrationRecord
{
    /// <summary>The id of the approved eks-migrate-nodegroup action: the claim, the alert thread and the rollback key.</summary>
    public required string Id { get; init; }

    public required string Cluster { get; init; }

    /// <summary>The node group that cannot restore InstantOn.</summary>
    public required string Source { get; init; }

    /// <summary>The compatible node group the workloads move to.</summary>
    public required string Target { get; init; }

    /// <summary>The migration created the target (a rollback may delete it when asked).</summary>
    public bool TargetCreated { get; init; }

    public string? Cause { get; init; }

    public required string Stage { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Since when the current stage waits (its start, or its last step): the stall clock.</summary>
    public DateTimeOffset WaitingSince { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Scaling of the old group before the migration: what the rollback restores.</summary>
    public int SourceMinSize { get; init; }

    public int SourceMaxSize { get; init; }

    public int SourceDesiredSize { get; init; }

    /// <summary>Running instances the target must show before the old group is touched.</summary>
    public int WantedTargetSize { get; init; }

    /// <summary>taint | label (policy migration.fence).</summary>
    public string FenceMode { get; init; } = "taint";

    public required string FenceKey { get; init; }

    public required string FenceValue { get; init; }

    /// <summary>API spelling: NO_SCHEDULE.</summary>
    public string FenceEffect { get; init; } = "NO_SCHEDULE";

    /// <summary>The EKS update of the current stage's last step, while it may still run.</summary>
    public string? PendingUpdateId { get; init; }

    /// <summary>The desired size the last drain step asked for.</summary>
    public int? RequestedDesiredSize { get; init; }

    /// <summary>The stage people were told stalls (one alert per stage).</summary>
    public string? StalledStage { get; init; }

    /// <summary>The delete-the-old-group action awaiting its own approval (retire = delete).</summary>
    public string? RetireActionId { get; init; }

    /// <summary>Workloads whose failures led to the migration: their later restores on the target prove it.</summary>
    public List<string> Workloads { get; init; } = [];

    public List<MigrationStageEntry> History { get; init; } = [];
}

/// <summary>What one stage did: when it started and finished, the EKS updates it started, and the last word on it.</summary>
public sealed record MigrationStageEntry
{
    public required string Stage { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public List<string> UpdateIds { get; init; } = [];

    public string? Detail { get; init; }
}
