namespace InstantOnRemediate.Application.Invocation;

/// <summary>What the Runtime API says about one invocation; the same object the local runner fabricates.</summary>
public sealed record InvocationContext(
    string RequestId,
    DateTimeOffset Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    TimeProvider Time)
{
    /// <summary>Time left before Lambda stops the invocation; handlers stop starting new work when it runs low.</summary>
    public TimeSpan RemainingTime => Deadline - Time.GetUtcNow();
}
