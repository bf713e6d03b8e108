using System.Collections.Frozen;

namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// Which failed attempts are worth another try, after botocore's standard retry mode (retries/standard.py):
/// throttling codes and HTTP 429; transient codes and HTTP 500/502/503/504; transport failures. Never other 4xx.
/// </summary>
internal static class AwsRetryClassifier
{
    private static readonly FrozenSet<string> ThrottlingCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
        "Throttled");

    private static readonly FrozenSet<string> TransientCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete");

    public static bool IsThrottling(int statusCode, string? errorCode) =>
        statusCode == 429 || (errorCode is not null && ThrottlingCodes.Contains(errorCode));

    public static bool IsTransient(int statusCode, string? errorCode) =>
        statusCode is 500 or 502 or 503 or 504 || (errorCode is not null && TransientCodes.Contains(errorCode));

    public static bool IsRetryable(int statusCode, string? errorCode) =>
        IsThrottling(statusCode, errorCode) || IsTransient(statusCode, errorCode);
}
