using System.Text.Json;
using InstantOnRemediate.Cli;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// <c>audit --central</c>: which node groups in which accounts cannot restore InstantOn — from the sample file of
/// three accounts' events (offline), and from a central table shaped as infra/central/template.yaml's recorder
/// writes it (moto_server's DynamoDB).
/// </summary>
[Collection(InventoryAwsCollection.Name)]
public sealed class CentralAuditCommandTests : IDisposable
{
    private static readonly string[] Variables = ["AWS_ENDPOINT_URL", "CENTRAL_EVENTS_TABLE"];

    private static readonly string Sample = RepoPaths.Event("central", "fleet-events.jsonl");

    private static readonly (string, string, string, string)[] CannotRestore =
    [
        ("111111111111", "us-east-1", "prod", "ng-al2"),
        ("222222222222", "eu-west-1", "search", "ng-al2"),
        ("333333333333", "us-west-2", "batch", "ng-custom"),
    ];

    private readonly InventoryAwsEnvironment aws;
    private readonly Dictionary<string, string?> saved;

    public CentralAuditCommandTests(InventoryAwsEnvironment aws)
    {
        this.aws = aws;
        saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", aws.Moto.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("CENTRAL_EVENTS_TABLE", null);
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<(string, string, string, string)> Cannot(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("nodegroups").EnumerateArray()
            .Where(n => n.TryGetProperty("canRestore", out var c) && c.ValueKind == JsonValueKind.False)
            .Select(n => (n.GetProperty("account").GetString()!, n.GetProperty("region").GetString()!, n.GetProperty("cluster").GetString()!, n.GetProperty("nodegroup").GetString()!))];
    }

    [Fact]
    public async Task CentralEvents_SampleOfThreeAccounts_NamesTheNodegroupsThatCannotRestore()
    {
        var (code, output, error) = await RunAsync("audit", "--central", "--events", Sample, "--json");

        Assert.Equal(0, code);
        Assert.Equal(CannotRestore, Cannot(output));
        using var doc = JsonDocument.Parse(output);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal((3, 6, 3, 1), (summary.GetProperty("accounts").GetInt32(), summary.GetProperty("nodegroups").GetInt32(), summary.GetProperty("cannotRestore").GetInt32(), summary.GetProperty("duplicates").GetInt32()));
        Assert.Contains("aws.ec2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CentralEvents_Text_TableAndReasons()
    {
        var (code, output, _) = await RunAsync("audit", "--central", "--events", Sample);

        Assert.Equal(0, code);
        Assert.StartsWith("InstantOn across accounts: 3 account(s), 6 node group(s), 3 cannot restore, 3 open episode(s)", output, StringComparison.Ordinal);
        Assert.Contains("111111111111 us-east-1 prod/ng-al2: verdict incompatible (ami-catalog; lacks ptrace-get-rseq-configuration)", output, StringComparison.Ordinal);
        Assert.Contains("333333333333 us-west-2 batch/ng-custom: restores failing on the node group: ptrace-restricted (node-config)", output, StringComparison.Ordinal);
        Assert.Contains("rseq-ptrace-unsupported (escalated)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CentralEvents_SampleDetails_ValidAgainstTheSchema()
    {
        var details = File.ReadAllLines(Sample)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("source").GetString() == "instanton-remediate")
            .Select(e => e.GetProperty("detail").GetRawText());

        JsonSchemaValidator.AssertValid(Path.Combine(RepoPaths.Root, "docs", "schemas", "event-detail.v1.json"), details);
    }

    [Theory]
    [InlineData("audit", "--central")]
    [InlineData("audit", "--central", "--aws", "--events", "x.jsonl")]
    [InlineData("audit", "--central", "--events", "/nonexistent/events.jsonl")]
    [InlineData("audit", "--central", "--aws")]
    [InlineData("audit", "--central", "--events", "x.jsonl", "--table", "t")]
    public async Task CentralAudit_BadUsage_ExitTwoWithOneLine(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task CentralAws_TableAsTheRecorderWritesIt_SameAnswerAsTheFile()
    {
        var table = "central-" + Guid.NewGuid().ToString("N")[..8];
        await Boto3Script.RunAsync(aws.Moto.Endpoint, """
            ddb = boto3.client('dynamodb')
            table = sys.argv[1]
            ddb.create_table(TableName=table, BillingMode='PAY_PER_REQUEST',
                AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'S'}],
                KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}])
            for line in open(sys.argv[2]):
                e = json.loads(line)
                if e['source'] != 'instanton-remediate':
                    continue
                d = e['detail']
                ddb.put_item(TableName=table, Item={
                    'pk': {'S': e['account']}, 'sk': {'S': d['occurredAt'] + '#' + d['eventId']},
                    'region': {'S': e['region']}, 'receivedAt': {'S': e['time']}, 'detailType': {'S': e['detail-type']},
                    'kind': {'S': d['kind']}, 'cluster': {'S': d['cluster']}, 'detail': {'S': json.dumps(d)}})
            """, [table, Sample]);

        var (code, output, error) = await RunAsync("audit", "--central", "--aws", "--table", table, "--json");
        Environment.SetEnvironmentVariable("CENTRAL_EVENTS_TABLE", table);
        var (accountCode, accountOutput, _) = await RunAsync("audit", "--central", "--aws", "--account", "333333333333", "--json");

        Assert.True(code == 0, error);
        Assert.Equal(CannotRestore, Cannot(output));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("duplicates").GetInt32());
        Assert.Equal(0, accountCode);
        Assert.Equal([CannotRestore[2]], Cannot(accountOutput));
    }
}
