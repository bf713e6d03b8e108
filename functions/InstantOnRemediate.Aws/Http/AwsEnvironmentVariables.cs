namespace InstantOnRemediate.Aws.Http;

/// <summary>The standard SDK environment variables the clients honour.</summary>
public static class AwsEnvironmentVariables
{
    public const string Region = "AWS_REGION";

    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    public const string EndpointUrl = "AWS_ENDPOINT_URL";

    public const string IgnoreConfiguredEndpointUrls = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public const string MaxAttempts = "AWS_MAX_ATTEMPTS";
}
