namespace InstantOnRemediate.Aws.Eks;

/// <summary>What an EKS error means for the caller.</summary>
public enum EksErrorKind
{
    /// <summary>ResourceInUseException (409): another update is running or the name is taken.</summary>
    InUse,

    /// <summary>ResourceNotFoundException / NotFoundException (404).</summary>
    NotFound,

    /// <summary>InvalidParameter / InvalidRequest / Client / BadRequest / ResourceLimitExceeded (400).</summary>
    Invalid,

    /// <summary>AccessDeniedException (403).</summary>
    AccessDenied,

    /// <summary>Throttling (429 or a throttling code): retried with backoff.</summary>
    Throttled,

    /// <summary>ServerException / ServiceUnavailable / 5xx: retried with backoff.</summary>
    Server,

    /// <summary>Anything else, including a transport failure after retries.</summary>
    Other,
}
