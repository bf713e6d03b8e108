using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Tests.Http;

public sealed class AwsSettingsTests
{
    private static AwsSettings Read(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return AwsSettings.FromEnvironment(name => map.GetValueOrDefault(name), () => null);
    }

    [Fact]
    public void FromEnvironment_NoOverrides_DefaultRegionalEndpoints()
    {
        var settings = Read(("AWS_REGION", "eu-west-1"));

        Assert.Equal(new Uri("https://eks.eu-west-1.amazonaws.com"), settings.Endpoint(AwsService.Eks));
        Assert.Equal(new Uri("https://logs.eu-west-1.amazonaws.com"), settings.Endpoint(AwsService.CloudWatchLogs));
        Assert.Equal(new Uri("https://sns.eu-west-1.amazonaws.com"), settings.Endpoint(AwsService.Sns));
        Assert.Null(settings.ConfiguredEndpoint(AwsService.Ec2));
    }

    [Fact]
    public void FromEnvironment_ChinaRegion_ChinaPartitionSuffix()
    {
        Assert.Equal(new Uri("https://eks.cn-north-1.amazonaws.com.cn"), Read(("AWS_REGION", "cn-north-1")).Endpoint(AwsService.Eks));
    }

    [Fact]
    public void FromEnvironment_RegionMissing_FallsBackToDefaultRegionThenThrows()
    {
        Assert.Equal("ap-south-1", Read(("AWS_DEFAULT_REGION", "ap-south-1")).Region);
        Assert.Equal("us-west-2", Read(("AWS_REGION", "us-west-2"), ("AWS_DEFAULT_REGION", "ap-south-1")).Region);
        var error = Assert.Throws<AwsConfigurationException>(() => Read());
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_GlobalOverride_AppliesToEveryService()
    {
        var settings = Read(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        foreach (var service in AwsSettings.KnownServices)
        {
            Assert.Equal(new Uri("http://127.0.0.1:4566"), settings.Endpoint(service));
        }
    }

    [Fact]
    public void FromEnvironment_ServiceSpecificOverride_WinsOverGlobal()
    {
        var settings = Read(
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL_EKS", "http://127.0.0.1:5001"),
            ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:5002"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:5003"));

        Assert.Equal(new Uri("http://127.0.0.1:5001"), settings.Endpoint(AwsService.Eks));
        Assert.Equal(new Uri("http://127.0.0.1:5002"), settings.Endpoint(AwsService.CloudWatchLogs));
        Assert.Equal(new Uri("http://127.0.0.1:5003"), settings.Endpoint(AwsService.DynamoDb));
        Assert.Equal(new Uri("http://127.0.0.1:4566"), settings.Endpoint(AwsService.Sns));
    }

    [Fact]
    public void FromEnvironment_IgnoreConfiguredEndpointUrls_PublicEndpoints()
    {
        var settings = Read(
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:5001"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"));

        Assert.True(settings.IgnoreConfiguredEndpointUrls);
        Assert.Equal(new Uri("https://sns.us-east-1.amazonaws.com"), settings.Endpoint(AwsService.Sns));
        Assert.Null(settings.ConfiguredEndpoint(AwsService.Ssm));
    }

    [Fact]
    public void FromEnvironment_MalformedEndpoint_ConfigurationErrorNamesVariable()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Read(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_SNS", "localhost:4566")));
        Assert.Contains("AWS_ENDPOINT_URL_SNS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("1", 1)]
    public void FromEnvironment_MaxAttempts_ReadIntoRetryPolicy(string value, int expected)
    {
        Assert.Equal(expected, Read(("AWS_REGION", "us-east-1"), ("AWS_MAX_ATTEMPTS", value)).Retry.MaxAttempts);
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("0")]
    [InlineData("99")]
    public void FromEnvironment_BadMaxAttempts_ConfigurationError(string value)
    {
        Assert.Throws<AwsConfigurationException>(() => Read(("AWS_REGION", "us-east-1"), ("AWS_MAX_ATTEMPTS", value)));
    }

    [Fact]
    public void EndpointVariable_SdkSpelling()
    {
        Assert.Equal(
            ["AWS_ENDPOINT_URL_EKS", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_STS"],
            AwsSettings.KnownServices.Select(s => s.EndpointVariable));
    }
}
