namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// Capped exponential backoff with full jitter: before attempt n+1 wait <c>jitter × min(MaxDelay, BaseDelay × 2^(n-1))</c>
/// with jitter uniform in [0, 1). Which failures are retried is <see cref="AwsRetryClassifier"/>'s call.
/// </summary>
public sealed record AwsRetryPolicy
{
    /// <summary>4 attempts, 200 ms base, 5 s cap: a throttled call gives up within ~10 s of a Lambda's budget.</summary>
    public static readonly AwsRetryPolicy Default = new();

    /// <summary>Total attempts including the first (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based), given a jitter draw in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(jitter * ceiling);
    }

    /// <summary>Fails fast on limits that make no sense.</summary>
    public AwsRetryPolicy Validated()
    {
        if (MaxAttempts is < 1 or > 20)
        {
            throw new AwsConfigurationException($"retry max attempts must be 1..20, got {MaxAttempts}");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new AwsConfigurationException($"retry delays must satisfy 0 <= base ({BaseDelay}) <= max ({MaxDelay})");
        }

        return this;
    }
}
