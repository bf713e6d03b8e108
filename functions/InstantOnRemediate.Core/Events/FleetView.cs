namespace InstantOnRemediate.Core.Events;

/// <summary>The central view: per account/Region/cluster/node group, the latest verdict and the open episodes.</summary>
public sealed record FleetView
{
    public required FleetSummary Summary { get; init; }

    public required IReadOnlyList<FleetNodegroup> Nodegroups { get; init; }
}

public sealed record FleetSummary
{
    public int Accounts { get; init; }

    public int Nodegroups { get; init; }

    /// <summary>Node groups whose <see cref="FleetNodegroup.CanRestore"/> is false.</summary>
    public int CannotRestore { get; init; }

    public int OpenEpisodes { get; init; }

    public int Events { get; init; }

    /// <summary>Events dropped as duplicates (same eventId).</summary>
    public int Duplicates { get; init; }
}

public sealed record FleetNodegroup
{
    public required string Account { get; init; }

    public required string Region { get; init; }

    public required string Cluster { get; init; }

    /// <summary>"-" when the events did not name a node group.</summary>
    public required string Nodegroup { get; init; }

    /// <summary>false: InstantOn cannot restore here (incompatible verdict, or node-side failures still open); true: compatible and nothing open; null: not known.</summary>
    public bool? CanRestore { get; init; }

    public required string Why { get; init; }

    public EventVerdict? Verdict { get; init; }

    public DateTimeOffset? VerdictAt { get; init; }

    public IReadOnlyList<FleetEpisode> OpenEpisodes { get; init; } = [];

    public FleetLastAction? LastAction { get; init; }

    public string? MigrationStage { get; init; }

    public int Escalations { get; init; }

    public required DateTimeOffset LastEventAt { get; init; }
}

/// <summary>Restores of one cause failing on the node group since <see cref="OpenedAt"/>, not yet verified fixed.</summary>
public sealed record FleetEpisode
{
    public required string Cause { get; init; }

    public string? Remedy { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>Failures reported by the latest group event.</summary>
    public int Failures { get; init; }

    public bool Escalated { get; init; }

    public required string Severity { get; init; }
}

public sealed record FleetLastAction
{
    public required string Kind { get; init; }

    public string? ActionType { get; init; }

    public string? ActionId { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? Reason { get; init; }
}
