namespace InstantOnRemediate.Core.State;

/// <summary>No new action for this key until <see cref="Until"/>.</summary>
public sealed record CooldownRecord
{
    public required string Cluster { get; init; }

    public required string Nodegroup { get; init; }

    public required string Cause { get; init; }

    public DateTimeOffset Until { get; init; }

    /// <summary>The action that started the cooldown.</summary>
    public string? ActionId { get; init; }

    public RemediationKey Key => new(Cluster, Nodegroup, Cause);
}
