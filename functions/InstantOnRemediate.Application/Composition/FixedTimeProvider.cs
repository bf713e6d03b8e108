namespace InstantOnRemediate.Application.Composition;

/// <summary>A clock stopped at one instant: replays of past events decide as if it were then (NOW / --now).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
