namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// An AWS call that failed for good: a non-retryable service error, or a retryable one (throttling, 5xx, timeout,
/// connection failure) still failing after the policy's last attempt. Transport failures have status 0.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException()
    {
    }

    public AwsServiceException(string message)
        : base(message)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal AwsServiceException(string service, string operation, string errorCode, string message, int statusCode, string? requestId, int attempts, Exception? innerException = null)
        : base($"{service} {operation} failed after {attempts} attempt(s): {errorCode} (HTTP {statusCode}): {message}", innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        ServiceMessage = message;
        StatusCode = statusCode;
        RequestId = requestId;
        Attempts = attempts;
    }

    /// <summary>The service signing name, e.g. <c>eks</c>.</summary>
    public string Service { get; } = "";

    public string Operation { get; } = "";

    /// <summary>The AWS error code (e.g. <c>ResourceNotFoundException</c>); <c>RequestTimeout</c> or <c>ConnectionFailure</c> for transport failures.</summary>
    public string ErrorCode { get; } = "Unknown";

    /// <summary>The service's own message, without the prefix this exception adds.</summary>
    public string ServiceMessage { get; } = "";

    /// <summary>HTTP status; 0 when no response arrived.</summary>
    public int StatusCode { get; }

    public string? RequestId { get; }

    public int Attempts { get; }

    public bool IsThrottling => AwsRetryClassifier.IsThrottling(StatusCode, ErrorCode);

    /// <summary>Worth retrying later (throttling, 5xx, timeout, connection failure): Lambda's own retry may succeed.</summary>
    public bool IsTransient => StatusCode == 0 || AwsRetryClassifier.IsRetryable(StatusCode, ErrorCode);
}
