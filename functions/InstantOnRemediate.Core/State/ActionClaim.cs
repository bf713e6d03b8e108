namespace InstantOnRemediate.Core.State;

/// <summary>The right to carry out one action, taken with a conditional write; only the first claimant wins.</summary>
public sealed record ActionClaim
{
    public required string ActionId { get; init; }

    public required string Type { get; init; }

    public required string Cluster { get; init; }

    public string? Nodegroup { get; init; }

    public string? Cause { get; init; }

    /// <summary>Who claimed it (function name + request id, or the CLI user).</summary>
    public required string Owner { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>When the claim (and with it the dedupe) lapses.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}
