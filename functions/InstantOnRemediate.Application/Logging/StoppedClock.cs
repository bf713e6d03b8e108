namespace InstantOnRemediate.Application.Logging;

/// <summary>The clock of a logger that writes nowhere: it is never read for anything that matters.</summary>
internal sealed class StoppedClock : TimeProvider
{
    public static readonly StoppedClock Instance = new();

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch;
}
