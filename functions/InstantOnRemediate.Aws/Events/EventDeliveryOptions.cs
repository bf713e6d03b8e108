namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// How hard <see cref="EventBridgeDelivery"/> tries: at most <see cref="MaxRounds"/> PutEvents rounds for an entry
/// that keeps failing with a transient per-entry error, waiting <c>jitter × min(MaxDelay, BaseDelay × 2^(round-1))</c>
/// between rounds. Whole-call retries (throttling, 5xx) already happen inside the client's channel.
/// </summary>
public sealed record EventDeliveryOptions
{
    public static readonly EventDeliveryOptions Default = new();

    public int MaxRounds { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    public EventDeliveryOptions Validated()
    {
        if (MaxRounds is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRounds), MaxRounds, "event delivery rounds must be 1..10");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "delays must satisfy 0 <= base <= max");
        }

        return this;
    }
}
