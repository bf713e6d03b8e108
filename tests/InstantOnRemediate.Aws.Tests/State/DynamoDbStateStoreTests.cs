using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
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

    /// <summary>The parameters of each kind as the version before typed parameters wrote them into action#&lt;id&gt; rows.</summary>
    public static TheoryData<string, string, Type> OldRows => new()
    {
        { "notify", """{"cause":"rseq-ptrace-unsupported","compatibleNodegroups":"","failures":"4","nodegroups":"ng-al2","podNames":"shop/a,shop/b","pods":"2","remedy":"node-kernel","windowMinutes":"30"}""", typeof(NotifyParameters) },
        { "eks-label-nodegroup", """{"labelKey":"instanton.openliberty.io/restore-compatible","labelValue":"false"}""", typeof(EksLabelNodegroupParameters) },
        { "eks-taint-nodegroup", """{"taintEffect":"NO_SCHEDULE","taintKey":"instanton.openliberty.io/restore-incompatible","taintValue":"true"}""", typeof(EksTaintNodegroupParameters) },
        { "eks-update-nodegroup-version", """{"currentReleaseVersion":"1.20.5","releaseVersion":"1.32.0"}""", typeof(EksUpdateNodegroupVersionParameters) },
        { "eks-create-nodegroup", """{"amiType":"AL2023_x86_64_STANDARD","capacityType":"ON_DEMAND","desiredSize":"3","instanceTypes":"m6i.xlarge","labels":"team=payments","maxSize":"6","minSize":"1","nodeRole":"arn:aws:iam::123456789012:role/eks-node-role","nodegroupName":"ng-al2-al2023","sourceNodegroup":"ng-al2","subnets":"subnet-0a1b2c3d4e5f60718,subnet-0a1b2c3d4e5f60719"}""", typeof(EksCreateNodegroupParameters) },
        { "ssm-run-command", """{"documentName":"InstantOnRemediate-prod-YamaPtraceScope","maxConcurrency":"10%","maxErrors":"1","readOnly":"false","timeoutSeconds":"600"}""", typeof(SsmRunCommandParameters) },
        { "none", "{}", typeof(NoParameters) },
        { "eks-migrate-nodegroup", """{"createTarget":"false","desiredSize":"3","drainStep":"1","fence":"taint","fenceEffect":"NO_SCHEDULE","fenceKey":"instanton.openliberty.io/restore-incompatible","fenceValue":"true","maxSize":"6","minSize":"1","retire":"keep-at-zero","targetDesiredSize":"5","targetMaxSize":"10","targetNodegroup":"ng-al2023"}""", typeof(EksMigrateNodegroupParameters) },
    };

    [Theory]
    [MemberData(nameof(OldRows))]
    public async Task GetAction_RowWrittenWithStringParameters_ReadsTheKindsRecord(string type, string parameters, Type expected)
    {
        var client = Client();
        var table = "instanton-old-" + Guid.NewGuid().ToString("N")[..12];
        await client.CreateTableAsync(StateTable.CreateTableRequest(table));
        var store = new DynamoDbStateStore(client, table, Clock);
        var id = "0123456789abcdef0123456789abcdef";
        var action = $$"""{"id":"{{id}}","type":"{{type}}","target":{"cluster":"prod-eks","nodegroup":"ng-al2","instanceIds":["i-0123456789abcdef0"],"recipient":null},"parameters":{{parameters}},"status":"awaiting-approval","reason":"r","cause":"rseq-ptrace-unsupported","findingIds":[],"disruptive":true,"undo":null,"mode":"recommend","reference":null}""";
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new Dictionary<string, AttributeValue>
            {
                [StateTable.PartitionKey] = new() { S = "action#" + id }, [StateTable.SortKey] = new() { S = "-" },
                [StateTable.TimeToLiveAttribute] = new() { N = Start.AddDays(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["cluster"] = new() { S = "prod-eks" }, ["status"] = new() { S = "awaiting-approval" }, ["action"] = new() { S = action },
            },
        });

        var read = await store.GetActionAsync(id);

        Assert.NotNull(read);
        Assert.IsType(expected, read.Parameters);
        Assert.Equal(type == "none" ? "an action without parameters is not an action" : null, ActionKinds.Of(type).Validate(read));
    }

    private AmazonDynamoDBClient Client()
    {
        TestEnvironment.ApplyStaticCredentials();
        return new AmazonDynamoDBClient(
            new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonDynamoDBConfig { ServiceURL = moto.Endpoint.ToString(), AuthenticationRegion = MotoServer.Region });
    }
}
