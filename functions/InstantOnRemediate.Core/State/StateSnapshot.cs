namespace InstantOnRemediate.Core.State;

/// <summary>
/// What Decide needs to know about the past, read from the state store before deciding (so Decide stays pure).
/// </summary>
public sealed record StateSnapshot
{
    /// <summary>When the snapshot was read.</summary>
    public DateTimeOffset TakenAt { get; init; }

    public bool Paused { get; init; }

    public string? PausedBy { get; init; }

    /// <summary>Earlier failures within the threshold window (current findings are added by Decide, deduped by finding id).</summary>
    public IReadOnlyList<FailureObservation> RecentFailures { get; set; } = [];

    public IReadOnlyList<CooldownRecord> Cooldowns { get; set; } = [];

    public IReadOnlyList<InFlightAction> InFlight { get; set; } = [];

    public IReadOnlyList<VerifiedFix> VerifiedFixes { get; set; } = [];

    /// <summary>Actions claimed within the blast-radius window (what was touched recently).</summary>
    public IReadOnlyList<ActionClaim> RecentClaims { get; set; } = [];

    public IReadOnlyList<ApprovalRecord> Approvals { get; set; } = [];

    public static StateSnapshot Empty(DateTimeOffset at) => new() { TakenAt = at };
}
