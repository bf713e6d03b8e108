using System.Globalization;
using Amazon.Runtime;

namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// Everything the AWS clients need, read once from the standard SDK settings: region (<c>AWS_REGION</c>, then
/// <c>AWS_DEFAULT_REGION</c>, then the shared config profile), endpoint overrides (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>
/// wins over <c>AWS_ENDPOINT_URL</c>; both ignored when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), retry
/// limits and timeouts. Credentials default to the SDK's credential chain.
/// </summary>
public sealed record AwsSettings
{
    public required string Region { get; init; }

    /// <summary>AWS_ENDPOINT_URL: one endpoint for every service (e.g. a local emulator).</summary>
    public Uri? GlobalEndpoint { get; init; }

    /// <summary>AWS_ENDPOINT_URL_&lt;SERVICE&gt; values keyed by <see cref="AwsService.EnvironmentId"/>.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceEndpoints { get; init; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: every service goes to its public endpoint.</summary>
    public bool IgnoreConfiguredEndpointUrls { get; init; }

    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>TCP connect limit per connection attempt.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Limit for one HTTP attempt (send, headers and body); a timed-out attempt counts as transient.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Explicit credentials; null means the SDK's default chain (environment, profile, container, IMDS).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The services whose endpoint variable is read.</summary>
    public static IReadOnlyList<AwsService> KnownServices { get; } =
        [AwsService.Eks, AwsService.CloudWatchLogs, AwsService.Sns, AwsService.Ec2, AwsService.Ssm, AwsService.DynamoDb, AwsService.Sts];

    /// <summary>Reads the settings through <paramref name="variables"/>; <paramref name="fallbackRegion"/> is asked only when no region variable is set.</summary>
    public static AwsSettings FromEnvironment(Func<string, string?> variables, Func<string?>? fallbackRegion = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var region = NonEmpty(variables(AwsEnvironmentVariables.Region))
            ?? NonEmpty(variables(AwsEnvironmentVariables.DefaultRegion))
            ?? NonEmpty(fallbackRegion?.Invoke())
            ?? throw new AwsConfigurationException("no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION)");

        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var service in KnownServices)
        {
            if (ParseEndpoint(variables, service.EndpointVariable) is { } uri)
            {
                endpoints[service.EnvironmentId] = uri;
            }
        }

        var retry = AwsRetryPolicy.Default;
        if (NonEmpty(variables(AwsEnvironmentVariables.MaxAttempts)) is { } maxAttempts)
        {
            if (!int.TryParse(maxAttempts, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts))
            {
                throw new AwsConfigurationException($"AWS_MAX_ATTEMPTS must be a whole number, got '{maxAttempts}'");
            }

            retry = (retry with { MaxAttempts = attempts }).Validated();
        }

        return new AwsSettings
        {
            Region = region,
            GlobalEndpoint = ParseEndpoint(variables, AwsEnvironmentVariables.EndpointUrl),
            ServiceEndpoints = endpoints,
            IgnoreConfiguredEndpointUrls = string.Equals(
                NonEmpty(variables(AwsEnvironmentVariables.IgnoreConfiguredEndpointUrls)), "true", StringComparison.OrdinalIgnoreCase),
            Retry = retry,
        };
    }

    /// <summary>The configured override for <paramref name="service"/>, or null when it uses its public endpoint.</summary>
    public Uri? ConfiguredEndpoint(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (IgnoreConfiguredEndpointUrls)
        {
            return null;
        }

        return ServiceEndpoints.TryGetValue(service.EnvironmentId, out var specific) ? specific : GlobalEndpoint;
    }

    /// <summary>Where requests for <paramref name="service"/> go: the configured override, else the public regional endpoint.</summary>
    public Uri Endpoint(AwsService service) => ConfiguredEndpoint(service) ?? service.DefaultEndpoint(Region);

    private static Uri? ParseEndpoint(Func<string, string?> variables, string name)
    {
        var value = NonEmpty(variables(name));
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new AwsConfigurationException($"{name} must be an absolute http(s) URL, got '{value}'");
        }

        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The region of the SDK's profile chain (shared config file), for <see cref="FromEnvironment"/>'s fallback.</summary>
    public static string? ProfileRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
