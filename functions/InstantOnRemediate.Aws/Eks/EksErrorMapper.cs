using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Eks;

/// <summary>Turns an EKS failure into an <see cref="EksServiceException"/> whose kind tells the caller what to do.</summary>
internal static class EksErrorMapper
{
    public static EksServiceException Map(AwsServiceException failure) =>
        new(Kind(failure.ErrorCode, failure.StatusCode), failure.ErrorCode, failure.Message, failure.StatusCode, failure.RequestId, failure);

    public static EksErrorKind Kind(string errorCode, int statusCode) => errorCode switch
    {
        "ResourceInUseException" => EksErrorKind.InUse,
        "ResourceNotFoundException" or "NotFoundException" => EksErrorKind.NotFound,
        "InvalidParameterException" or "InvalidRequestException" or "ClientException" or "BadRequestException"
            or "ResourceLimitExceededException" or "UnsupportedAvailabilityZoneException" or "ResourcePropagationDelayException" => EksErrorKind.Invalid,
        "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" => EksErrorKind.AccessDenied,
        "ServerException" or "ServiceUnavailableException" => EksErrorKind.Server,
        _ when statusCode == 0 => EksErrorKind.Other,
        _ when AwsRetryClassifier.IsThrottling(statusCode, errorCode) => EksErrorKind.Throttled,
        _ when statusCode >= 500 => EksErrorKind.Server,
        _ => statusCode switch
        {
            409 => EksErrorKind.InUse,
            404 => EksErrorKind.NotFound,
            403 => EksErrorKind.AccessDenied,
            400 => EksErrorKind.Invalid,
            _ => EksErrorKind.Other,
        },
    };
}
