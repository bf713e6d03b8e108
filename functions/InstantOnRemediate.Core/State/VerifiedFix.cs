namespace InstantOnRemediate.Core.State;

/// <summary>Later restores on this key succeeded after an action: new failures are suppressed for a while.</summary>
public sealed record VerifiedFix
{
    public required string Cluster { get; init; }

    public required string Nodegroup { get; init; }

    public required string Cause { get; init; }

    public DateTimeOffset VerifiedAt { get; init; }

    public string? ActionId { get; init; }

    public RemediationKey Key => new(Cluster, Nodegroup, Cause);
}
