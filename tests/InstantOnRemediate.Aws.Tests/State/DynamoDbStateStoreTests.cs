using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.State;

/// <summary>The state store against a real DynamoDB-compatible server (moto_server), one fresh table per test.</summary>
public sealed class DynamoDbStateStoreTests(MotoServer moto) : StateStoreContract, IClassFixture<MotoServer>
{
    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var client = Client();
        var table = "instanton-state-" + Guid.NewGuid().ToString("N")[..12];
        await client.CreateTableAsync(StateTable.CreateTableRequest(table));
        await client.UpdateTimeToLiveAsync(StateTable.TimeToLiveRequest(table));
        return new DynamoDbStateStore(client, table, Clock);
    }

    [Fact]
    public async Task CreateTableRequest_MatchesPublishedDefinition()
    {
        var client = Client();
        var table = "instanton-def-" + Guid.NewGuid().ToString("N")[..8];
        await client.CreateTableAsync(StateTable.CreateTableRequest(table));
        await client.UpdateTimeToLiveAsync(StateTable.TimeToLiveRequest(table));

        var described = (await client.DescribeTableAsync(table)).Table;
        var ttl = (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table })).TimeToLiveDescription;
        using var definition = JsonDocument.Parse(StateTable.DefinitionJson);

        Assert.Equal(
            definition.RootElement.GetProperty("KeySchema").EnumerateArray().Select(k => $"{k.GetProperty("AttributeName").GetString()}:{k.GetProperty("KeyType").GetString()}"),
            described.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));
        Assert.Equal(definition.RootElement.GetProperty("TimeToLiveSpecification").GetProperty("AttributeName").GetString(), ttl.AttributeName);
        Assert.Equal("ENABLED", ttl.TimeToLiveStatus.Value);
    }

    private AmazonDynamoDBClient Client()
    {
        TestEnvironment.ApplyStaticCredentials();
        return new AmazonDynamoDBClient(
            new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonDynamoDBConfig { ServiceURL = moto.Endpoint.ToString(), AuthenticationRegion = MotoServer.Region });
    }
}
