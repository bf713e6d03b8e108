using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SimpleSystemsManagement;
using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Aws.Sns;

namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// Every AWS client the service uses, built from one <see cref="AwsSettings"/> and created on first use (cold
/// start pays only for what an invocation touches). The hand-written EKS, EC2, Logs and SNS clients and the SDK's
/// SSM and DynamoDB clients share the region, the credentials and the endpoint rules: the SDK clients get the
/// override resolved here as <c>ServiceURL</c> and are told to ignore the environment, so both kinds follow the
/// same settings object.
/// </summary>
public sealed class AwsClientFactory : IDisposable
{
    private readonly AwsSettings settings;
    private readonly AwsChannelOptions options;
    private readonly HttpMessageHandler? handler;
    private readonly Lazy<AWSCredentials> credentials;
    private readonly List<IDisposable> created = [];
    private readonly Lazy<IAmazonEks> eks;
    private readonly Lazy<IAmazonCloudWatchLogs> logs;
    private readonly Lazy<IAmazonSimpleNotificationService> sns;
    private readonly Lazy<IAmazonEc2> ec2;
    private readonly Lazy<IAmazonSimpleSystemsManagement> ssm;
    private readonly Lazy<IAmazonDynamoDB> dynamoDb;

    public AwsClientFactory(AwsSettings settings, TimeProvider time, IJitterSource jitter)
        : this(settings, time, jitter, handler: null)
    {
    }

    /// <summary>With <paramref name="handler"/> every hand-written client sends through it (tests record requests there).</summary>
    internal AwsClientFactory(AwsSettings settings, TimeProvider time, IJitterSource jitter, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jitter);
        this.settings = settings;
        this.handler = handler;
        options = new AwsChannelOptions(settings.Retry.Validated(), settings.AttemptTimeout, time, jitter);
        credentials = new Lazy<AWSCredentials>(() => settings.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
        eks = new Lazy<IAmazonEks>(() => new EksClient(Channel(AwsService.Eks, JsonErrorReader.Instance)));
        logs = new Lazy<IAmazonCloudWatchLogs>(() => new CloudWatchLogsClient(Channel(AwsService.CloudWatchLogs, JsonErrorReader.Instance)));
        sns = new Lazy<IAmazonSimpleNotificationService>(() => new SnsClient(Channel(AwsService.Sns, QueryXmlErrorReader.Instance)));
        ec2 = new Lazy<IAmazonEc2>(() => new Ec2Client(Channel(AwsService.Ec2, Ec2ErrorReader.Instance)));
        ssm = new Lazy<IAmazonSimpleSystemsManagement>(() => Track(new AmazonSimpleSystemsManagementClient(credentials.Value, Configure(new AmazonSimpleSystemsManagementConfig(), AwsService.Ssm))));
        dynamoDb = new Lazy<IAmazonDynamoDB>(() => Track(new AmazonDynamoDBClient(credentials.Value, Configure(new AmazonDynamoDBConfig(), AwsService.DynamoDb))));
    }

    public AwsSettings Settings => settings;

    public IAmazonEks Eks => eks.Value;

    public IAmazonCloudWatchLogs Logs => logs.Value;

    public IAmazonSimpleNotificationService Sns => sns.Value;

    public IAmazonEc2 Ec2 => ec2.Value;

    public IAmazonSimpleSystemsManagement Ssm => ssm.Value;

    public IAmazonDynamoDB DynamoDb => dynamoDb.Value;

    /// <summary>Which clients exist so far (cold-start accounting and tests).</summary>
    internal bool IsCreated(string client) => client switch
    {
        nameof(Eks) => eks.IsValueCreated,
        nameof(Logs) => logs.IsValueCreated,
        nameof(Sns) => sns.IsValueCreated,
        nameof(Ec2) => ec2.IsValueCreated,
        nameof(Ssm) => ssm.IsValueCreated,
        nameof(DynamoDb) => dynamoDb.IsValueCreated,
        _ => throw new ArgumentOutOfRangeException(nameof(client), client, "unknown client"),
    };

    public void Dispose()
    {
        lock (created)
        {
            foreach (var item in created)
            {
                item.Dispose();
            }

            created.Clear();
        }
    }

    internal AwsServiceChannel Channel(AwsService service, IAwsErrorReader errors)
    {
        var http = Track(AwsHttpClients.Create(settings, handler));
        return new AwsServiceChannel(service, settings.Endpoint(service), settings.Region, () => credentials.Value, http, options, errors);
    }

    /// <summary>Region, endpoint override, timeouts and retry limit for an SDK client, from the settings alone.</summary>
    internal T Configure<T>(T config, AwsService service)
        where T : ClientConfig
    {
        config.IgnoreConfiguredEndpointUrls = true;
        config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        if (settings.ConfiguredEndpoint(service) is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = settings.Region;
        }

        config.Timeout = settings.AttemptTimeout;
        config.MaxErrorRetry = settings.Retry.MaxAttempts - 1;
        return config;
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        lock (created)
        {
            created.Add(disposable);
        }

        return disposable;
    }
}
