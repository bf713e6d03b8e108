namespace InstantOnRemediate.Aws.Eks;

/// <summary>An EKS call that failed after the retries its kind allows.</summary>
public sealed class EksServiceException : Exception
{
    public EksServiceException()
    {
    }

    public EksServiceException(string message)
        : base(message)
    {
    }

    public EksServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EksServiceException(EksErrorKind kind, string errorCode, string message, int statusCode, string? requestId)
        : base(message)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>As above, keeping the underlying failure (e.g. the transport error after the last retry).</summary>
    public EksServiceException(EksErrorKind kind, string errorCode, string message, int statusCode, string? requestId, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public EksErrorKind Kind { get; } = EksErrorKind.Other;

    public string ErrorCode { get; } = "Unknown";

    public int StatusCode { get; }

    public string? RequestId { get; }
}
