using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.EndToEnd;

/// <summary>
/// The published native bootstrap, as Lambda runs it (a loopback Runtime API), against moto_server for every AWS
/// API (AWS_ENDPOINT_URL): the EKS AL2 rseq case in enforce mode leads to exactly one label action, one SNS
/// publish and the audit records; the same batch delivered again leads to none.
/// </summary>
public sealed class BootstrapMotoEndToEndTests : IClassFixture<MotoServer>
{
    private static readonly string Bootstrap = Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");
    private readonly MotoServer moto;

    public BootstrapMotoEndToEndTests(MotoServer moto) => this.moto = moto;

    [Fact]
    public async Task Detect_FailureBatchTwice_OneLabelOnePublishOneAuditTrail()
    {
        Assert.True(File.Exists(Bootstrap), $"not built: run 'make publish' ({Bootstrap})");
        var world = JsonDocument.Parse(await Boto3Script.RunAsync(moto.Endpoint, SeedScript(RepoPaths.Event("detect", "eks-rseq-al2.decoded.json")))).RootElement;
        using var runtime = FakeRuntimeApi.Start();
        var environment = new Dictionary<string, string>(TestEnvironment.ChildEnvironment(moto.Endpoint))
        {
            ["_HANDLER"] = "detect",
            ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address,
            ["MODE"] = "enforce",
            ["CLUSTERS"] = "prod-eks",
            ["STATE_TABLE"] = world.GetProperty("table").GetString()!,
            ["TOPIC_ARN"] = world.GetProperty("topic").GetString()!,
            ["POLICY"] = """{"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30}}""",
            ["NOW"] = "2025-05-08T10:41:00Z",
            ["LOG_LEVEL"] = "warn",
        };
        using var process = ProcessRunner.Start(Bootstrap, [], environment);
        var batch = world.GetProperty("event").GetRawText();

        var first = await runtime.WaitForResultAsync(runtime.Enqueue(batch), TimeSpan.FromSeconds(60));
        var second = await runtime.WaitForResultAsync(runtime.Enqueue(batch), TimeSpan.FromSeconds(60));

        Assert.True(first.Kind == RecordedPost.Response, $"first delivery: {first.BodyText} {process.StandardError}");
        var actions = first.Json.GetProperty("plan").GetProperty("actions").EnumerateArray().ToList();
        Assert.Single(actions, a => a.GetProperty("type").GetString() == "eks-label-nodegroup" && a.GetProperty("status").GetString() == "executed");
        Assert.Single(actions, a => a.GetProperty("type").GetString() == "notify" && a.GetProperty("status").GetString() == "executed");
        Assert.Equal("rseq-ptrace-unsupported", first.Json.GetProperty("findings")[0].GetProperty("cause").GetString());
        Assert.Equal(RecordedPost.Response, second.Kind);
        Assert.DoesNotContain(second.Json.GetProperty("plan").GetProperty("actions").EnumerateArray(), a => a.GetProperty("status").GetString() == "executed");

        var outcome = JsonDocument.Parse(await Boto3Script.RunAsync(moto.Endpoint, CheckScript(world))).RootElement;
        Assert.Equal("false", outcome.GetProperty("label").GetString());
        Assert.Equal(1, outcome.GetProperty("messages").GetInt32());
        Assert.Contains("restore failed on prod-eks/ng-al2-general", outcome.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var audit = outcome.GetProperty("audit").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Single(audit, a => a == "eks-label-nodegroup executed");
        Assert.Single(audit, a => a == "notify executed");
    }

    /// <summary>
    /// moto world of the EKS case: cluster prod-eks with an AL2 and an AL2023 managed node group, one instance each
    /// (tagged as EKS tags them), the alert topic with a queue to read it back, the state table; and the detect event
    /// built from the shipped sample with the node name moto gave the AL2 instance.
    /// </summary>
    private static string SeedScript(string decodedSample) => $$"""
        import base64, gzip
        ec2 = boto3.client('ec2'); eks = boto3.client('eks'); sns = boto3.client('sns'); sqs = boto3.client('sqs'); ddb = boto3.client('dynamodb')
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
        eks.create_cluster(name='prod-eks', version='1.30', roleArn='arn:aws:iam::123456789012:role/eks', resourcesVpcConfig={'subnetIds': [subnet]})
        nodes = {}
        for name, ami_type, release in (('ng-al2-general', 'AL2_x86_64', '1.30.9-20250212'), ('ng-al2023-general', 'AL2023_x86_64_STANDARD', '1.30.9-20250212')):
            eks.create_nodegroup(clusterName='prod-eks', nodegroupName=name, subnets=[subnet], nodeRole='arn:aws:iam::123456789012:role/node',
                                 amiType=ami_type, releaseVersion=release, scalingConfig={'minSize': 1, 'maxSize': 3, 'desiredSize': 1})
            asg = eks.describe_nodegroup(clusterName='prod-eks', nodegroupName=name)['nodegroup']['resources']['autoScalingGroups'][0]['name']
            image = ec2.describe_images(Owners=['amazon'])['Images'][0]['ImageId']
            inst = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, SubnetId=subnet, TagSpecifications=[{'ResourceType': 'instance', 'Tags': [
                {'Key': 'eks:nodegroup-name', 'Value': name}, {'Key': 'eks:cluster-name', 'Value': 'prod-eks'}, {'Key': 'aws:autoscaling:groupName', 'Value': asg}]}])['Instances'][0]
            nodes[name] = inst['PrivateDnsName']
        topic = sns.create_topic(Name='instanton-alerts')['TopicArn']
        queue = sqs.create_queue(QueueName='instanton-alerts')['QueueUrl']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn'])
        ddb.create_table(TableName='instanton-state', BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}])
        text = open({{JsonSerializer.Serialize(decodedSample)}}).read().replace('ip-192-168-12-34.us-west-2.compute.internal', nodes['ng-al2-general'])
        data = base64.b64encode(gzip.compress(json.dumps(json.loads(text)).encode(), mtime=0)).decode()
        envelope = {'awslogs': {'data': data} }
        print(json.dumps({'event': envelope, 'topic': topic, 'queue': queue, 'table': 'instanton-state', 'node': nodes['ng-al2-general']}))
        """;

    private static string CheckScript(JsonElement world) => $$"""
        eks = boto3.client('eks'); sqs = boto3.client('sqs'); ddb = boto3.client('dynamodb')
        labels = eks.describe_nodegroup(clusterName='prod-eks', nodegroupName='ng-al2-general')['nodegroup'].get('labels', {})
        messages = sqs.receive_message(QueueUrl='{{world.GetProperty("queue").GetString()}}', MaxNumberOfMessages=10).get('Messages', [])
        items = ddb.scan(TableName='instanton-state')['Items']
        audit = [i['what']['S'] for i in items if i['pk']['S'] == 'audit#prod-eks' and 'what' in i]
        print(json.dumps({'label': labels.get('instanton.openliberty.io/restore-compatible'), 'messages': len(messages),
                          'subject': json.loads(messages[0]['Body'])['Subject'] if messages else '', 'audit': audit}))
        """;
}
