using Amazon.DynamoDBv2;
using Amazon.SimpleSystemsManagement;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Factory;

public sealed class AwsClientFactoryTests
{
    private static AwsSettings Read(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return AwsSettings.FromEnvironment(name => map.GetValueOrDefault(name), () => null);
    }

    [Fact]
    public void Properties_NothingTouched_NoClientCreated()
    {
        TestEnvironment.ApplyStaticCredentials();
        using var aws = new AwsClientFactory(Read(("AWS_REGION", "us-east-1")), TimeProvider.System, SharedRandomJitter.Instance);

        Assert.All(new[] { "Eks", "Logs", "Sns", "Ec2", "Ssm", "DynamoDb" }, name => Assert.False(aws.IsCreated(name)));
        _ = aws.Eks;
        _ = aws.Ssm;

        Assert.True(aws.IsCreated("Eks"));
        Assert.True(aws.IsCreated("Ssm"));
        Assert.False(aws.IsCreated("Logs"));
        Assert.False(aws.IsCreated("DynamoDb"));
        Assert.Same(aws.Eks, aws.Eks);
    }

    [Fact]
    public void SdkClients_ServiceSpecificAndGlobalOverrides_AppliedAsServiceUrl()
    {
        TestEnvironment.ApplyStaticCredentials();
        using var aws = new AwsClientFactory(Read(
            ("AWS_REGION", "eu-central-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")), TimeProvider.System, SharedRandomJitter.Instance);

        var ssm = ((AmazonSimpleSystemsManagementClient)aws.Ssm).Config;
        var dynamo = ((AmazonDynamoDBClient)aws.DynamoDb).Config;

        Assert.Equal("http://127.0.0.1:4566/", ssm.ServiceURL);
        Assert.Equal("http://127.0.0.1:8000/", dynamo.ServiceURL);
        Assert.All(new Amazon.Runtime.IClientConfig[] { ssm, dynamo }, config =>
        {
            Assert.Equal("eu-central-1", config.AuthenticationRegion);
            Assert.True(config.IgnoreConfiguredEndpointUrls);
            Assert.Equal(AwsRetryPolicy.Default.MaxAttempts - 1, config.MaxErrorRetry);
        });
    }

    [Fact]
    public void SdkClients_IgnoreConfiguredEndpointUrls_RegionalEndpoints()
    {
        TestEnvironment.ApplyStaticCredentials();
        using var aws = new AwsClientFactory(Read(
            ("AWS_REGION", "eu-central-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")), TimeProvider.System, SharedRandomJitter.Instance);

        var ssm = ((AmazonSimpleSystemsManagementClient)aws.Ssm).Config;

        Assert.Null(ssm.ServiceURL);
        Assert.Equal("eu-central-1", ssm.RegionEndpoint.SystemName);
        Assert.True(ssm.IgnoreConfiguredEndpointUrls);
    }

    [Fact]
    public async Task HandWrittenClients_ServiceSpecificOverride_EachServiceGoesToItsEndpoint()
    {
        await using var eksServer = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, Eks.EksCannedResponses.NoNodegroups));
        await using var ec2Server = new LoopbackHttpServer(_ => ScriptedResponse.Xml(200, Ec2.Ec2CannedResponses.Images));
        await using var otherServer = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, Logs.CloudWatchLogsClientTests.NoEvents));
        var settings = TestAws.Settings(otherServer.Endpoint) with
        {
            ServiceEndpoints = new Dictionary<string, Uri> { ["EKS"] = eksServer.Endpoint, ["EC2"] = ec2Server.Endpoint },
        };
        using var aws = new AwsClientFactory(settings, TimeProvider.System, new FixedJitter(0));

        await aws.Eks.ListNodegroupsAsync(new ListNodegroupsRequest { ClusterName = "prod" });
        await aws.Ec2.DescribeImagesAsync(new InstantOnRemediate.Aws.Ec2.DescribeImagesRequest());
        await aws.Logs.FilterLogEventsAsync(new InstantOnRemediate.Aws.Logs.FilterLogEventsRequest { LogGroupName = "/g" });

        Assert.Equal("/clusters/prod/node-groups", Assert.Single(eksServer.Requests).Path);
        Assert.StartsWith("Action=DescribeImages&", Assert.Single(ec2Server.Requests).BodyText, StringComparison.Ordinal);
        Assert.Equal("Logs_20140328.FilterLogEvents", Assert.Single(otherServer.Requests).Header("X-Amz-Target"));
    }

    [Fact]
    public void IamActions_EveryClientMethod_Declared()
    {
        var clients = new[] { typeof(EksClient), typeof(InstantOnRemediate.Aws.Ec2.Ec2Client), typeof(InstantOnRemediate.Aws.Logs.CloudWatchLogsClient), typeof(InstantOnRemediate.Aws.Sns.SnsClient) };
        var declared = clients
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToDictionary(m => m.Name, m => m.GetCustomAttributes(typeof(Core.Security.IamActionAttribute), false).Cast<Core.Security.IamActionAttribute>().Select(a => a.Action).ToList());

        Assert.Equal(13, declared.Count);
        Assert.All(declared, pair => Assert.NotEmpty(pair.Value));
        Assert.Equal(["eks:CreateNodegroup", "eks:TagResource", "iam:PassRole"], declared["CreateNodegroupAsync"].Order(StringComparer.Ordinal));
        Assert.Equal(["logs:FilterLogEvents"], declared["FilterLogEventsAsync"]);
        Assert.Equal(["sns:Publish"], declared["PublishAsync"]);
        Assert.Equal(["ec2:DescribeInstances"], declared["DescribeInstancesAsync"]);
        Assert.Equal(["ec2:DescribeImages"], declared["DescribeImagesAsync"]);
        Assert.All(declared.Where(p => p.Key is not ("CreateNodegroupAsync" or "FilterLogEventsAsync" or "PublishAsync" or "DescribeInstancesAsync" or "DescribeImagesAsync")),
            pair => Assert.Equal("eks:" + pair.Key[..^"Async".Length], Assert.Single(pair.Value)));
    }
}
