namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// One AWS service as the SDKs name it: <see cref="EnvironmentId"/> is the suffix of its
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable (the model's serviceId, upper-cased, spaces as underscores),
/// <see cref="SigningName"/> its SigV4 scope and <see cref="EndpointPrefix"/> the host label of its default endpoint.
/// </summary>
public sealed record AwsService(string EnvironmentId, string SigningName, string EndpointPrefix)
{
    public static readonly AwsService Eks = new("EKS", "eks", "eks");

    public static readonly AwsService CloudWatchLogs = new("CLOUDWATCH_LOGS", "logs", "logs");

    public static readonly AwsService Sns = new("SNS", "sns", "sns");

    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2");

    public static readonly AwsService Ssm = new("SSM", "ssm", "ssm");

    public static readonly AwsService DynamoDb = new("DYNAMODB", "dynamodb", "dynamodb");

    public static readonly AwsService Sts = new("STS", "sts", "sts");

    /// <summary>The service-specific endpoint variable, e.g. <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>.</summary>
    public string EndpointVariable => AwsEnvironmentVariables.EndpointUrl + "_" + EnvironmentId;

    /// <summary>The public endpoint in <paramref name="region"/> (aws, aws-cn and aws-us-gov partitions).</summary>
    public Uri DefaultEndpoint(string region)
    {
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{EndpointPrefix}.{region}.{suffix}");
    }
}
