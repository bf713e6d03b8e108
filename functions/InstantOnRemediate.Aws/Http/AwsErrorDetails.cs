namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// An AWS error as the service reported it: code (namespace stripped), message, and the request id when the body
/// carries it (EC2's <c>RequestID</c>).
/// </summary>
internal sealed record AwsErrorDetails(string Code, string Message)
{
    public string? RequestId { get; init; }
}
