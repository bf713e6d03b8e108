namespace InstantOnRemediate.Lambda.Hosting;

/// <summary>One event handed out by <c>GET /runtime/invocation/next</c>.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    byte[] Payload);
