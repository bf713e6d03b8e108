using Amazon.DynamoDBv2.Model;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Factory;

/// <summary>The factory's clients reach moto_server through AWS_ENDPOINT_URL settings: the SDK's SSM and DynamoDB, and the hand-written EC2.</summary>
[Collection(MotoCollection.Name)]
public sealed class SdkClientsMotoTests(MotoServer moto)
{
    private AwsClientFactory Aws(params (string Name, string Value)[] variables)
    {
        TestEnvironment.ApplyStaticCredentials();
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        map["AWS_REGION"] = MotoServer.Region;
        return new AwsClientFactory(AwsSettings.FromEnvironment(name => map.GetValueOrDefault(name), () => null), TimeProvider.System, SharedRandomJitter.Instance);
    }

    [Fact]
    public async Task FactoryClients_GlobalEndpointUrl_ReachMoto()
    {
        using var aws = Aws(("AWS_ENDPOINT_URL", moto.Endpoint.ToString()));
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var images = await aws.Ec2.DescribeImagesAsync(new InstantOnRemediate.Aws.Ec2.DescribeImagesRequest { Filters = [new("image-id", ["ami-00000000000000000"])] });
        await aws.Ssm.PutParameterAsync(new PutParameterRequest { Name = "/instanton/" + suffix + "/pause", Value = "false", Type = Amazon.SimpleSystemsManagement.ParameterType.String });
        var parameter = await aws.Ssm.GetParameterAsync(new GetParameterRequest { Name = "/instanton/" + suffix + "/pause" });
        await aws.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "state-" + suffix,
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", Amazon.DynamoDBv2.KeyType.HASH)],
        });
        var table = await aws.DynamoDb.DescribeTableAsync("state-" + suffix);

        Assert.Empty(images.Images);
        Assert.Equal("false", parameter.Parameter.Value);
        Assert.Equal("state-" + suffix, table.Table.TableName);
    }

    [Fact]
    public async Task DynamoDb_ServiceSpecificUrl_WinsOverUnreachableGlobal()
    {
        using var aws = Aws(("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_ENDPOINT_URL_DYNAMODB", moto.Endpoint.ToString()));

        var tables = await aws.DynamoDb.ListTablesAsync(new ListTablesRequest());

        Assert.NotNull(tables.TableNames);
        Assert.Equal("http://127.0.0.1:1/", ((Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient)aws.Ssm).Config.ServiceURL);
    }
}
