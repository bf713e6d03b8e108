using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

/// <summary>
/// moto_server seeded like the prod-eks account: managed node groups ng-al2-general (AL2, incompatible) and
/// ng-al2023-general (AL2023, compatible) with one running instance each (tagged as EKS tags them), the state table,
/// the alert topic with an SQS queue subscribed (to read what was published), and the cluster's container log group.
/// </summary>
public sealed class ReconcileAwsEnvironment : IAsyncLifetime
{
    public const string Cluster = "prod-eks";
    public const string Table = "instanton-remediate-state";
    public const string LogGroup = "/aws/containerinsights/prod-eks/application";

    private const string Seed = """
        ec2 = boto3.client('ec2'); eks = boto3.client('eks'); ddb = boto3.client('dynamodb'); sns = boto3.client('sns'); sqs = boto3.client('sqs')
        logs = boto3.client('logs')
        cluster, table, group = sys.argv[1], sys.argv[2], sys.argv[3]
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
        eks.create_cluster(name=cluster, version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster', resourcesVpcConfig=dict(subnetIds=[subnet]))
        out = dict(nodes={})
        for ng, ami_type, ami_name in [('ng-al2-general', 'AL2_x86_64', 'amazon-eks-node-1.30-v20250212'),
                                       ('ng-al2023-general', 'AL2023_x86_64_STANDARD', 'amazon-eks-node-al2023-x86_64-standard-1.30-v20250212')]:
            created = eks.create_nodegroup(clusterName=cluster, nodegroupName=ng, subnets=[subnet], amiType=ami_type,
                nodeRole='arn:aws:iam::123456789012:role/eks-node', version='1.30', releaseVersion='1.30.9-20250212',
                instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=4, desiredSize=1))
            asg = created['nodegroup']['resources']['autoScalingGroups'][0]['name']
            ami = ec2.register_image(Name=ami_name, Description=ami_name, Architecture='x86_64', RootDeviceName='/dev/xvda', VirtualizationType='hvm')['ImageId']
            tags = [dict(Key='aws:autoscaling:groupName', Value=asg), dict(Key='eks:nodegroup-name', Value=ng), dict(Key='eks:cluster-name', Value=cluster)]
            run = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType='m5.xlarge', SubnetId=subnet,
                TagSpecifications=[dict(ResourceType='instance', Tags=tags)])
            out['nodes'][ng] = run['Instances'][0]['PrivateDnsName']
        ddb.create_table(TableName=table, KeySchema=[dict(AttributeName='pk', KeyType='HASH'), dict(AttributeName='sk', KeyType='RANGE')],
            AttributeDefinitions=[dict(AttributeName='pk', AttributeType='S'), dict(AttributeName='sk', AttributeType='S')], BillingMode='PAY_PER_REQUEST')
        topic = sns.create_topic(Name='instanton-remediate-alerts')['TopicArn']
        queue = sqs.create_queue(QueueName='alerts-inbox')['QueueUrl']
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=queue_arn, Attributes=dict(RawMessageDelivery='true'))
        logs.create_log_group(logGroupName=group)
        out.update(topic=topic, queue=queue)
        print(json.dumps(out))
        """;

    public MotoServer Moto { get; } = new();

    public IReadOnlyDictionary<string, string> Nodes { get; private set; } = new Dictionary<string, string>();

    public string TopicArn { get; private set; } = "";

    public string QueueUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        using var seeded = JsonDocument.Parse(await RunPythonAsync(Seed, Cluster, Table, LogGroup));
        var root = seeded.RootElement;
        Nodes = root.GetProperty("nodes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        TopicArn = root.GetProperty("topic").GetString()!;
        QueueUrl = root.GetProperty("queue").GetString()!;
    }

    public Task DisposeAsync() => Moto.DisposeAsync();

    /// <summary>Writes container log records (Fluent Bit JSON lines) into the cluster's log group, as Container Insights does.</summary>
    public Task PutLogEventsAsync(string stream, IReadOnlyList<(long Timestamp, string Message)> events) =>
        RunPythonAsync("""
            logs = boto3.client('logs')
            group, stream, events = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
            logs.create_log_stream(logGroupName=group, logStreamName=stream)
            logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=[dict(timestamp=t, message=m) for t, m in events])
            print('{}')
            """, LogGroup, stream, JsonSerializer.Serialize(events.Select(e => new object[] { e.Timestamp, e.Message })));

    /// <summary>The alert messages the topic delivered to the subscribed queue (subjects are not kept by raw delivery: bodies only).</summary>
    public async Task<IReadOnlyList<string>> ReceiveAlertsAsync()
    {
        using var received = JsonDocument.Parse(await RunPythonAsync("""
            sqs = boto3.client('sqs')
            got = sqs.receive_message(QueueUrl=sys.argv[1], MaxNumberOfMessages=10, WaitTimeSeconds=0).get('Messages', [])
            bodies = [json.loads(m['Body']) for m in got]
            # The 'sqs' body (the alert document) raw, or inside the SNS envelope; its text is what people read.
            print(json.dumps([(json.loads(b['Message']) if 'Message' in b and 'Type' in b else b)['text'] for b in bodies]))
            """, QueueUrl));
        return [.. received.RootElement.EnumerateArray().Select(m => m.GetString()!)];
    }

    private Task<string> RunPythonAsync(string script, params string[] arguments) =>
        Boto3Script.RunAsync(Moto.Endpoint, script, arguments, TimeSpan.FromSeconds(60));
}

/// <summary>Tests that point the process-wide AWS environment at moto: they run alone and restore it afterwards.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReconcileAwsCollection : ICollectionFixture<ReconcileAwsEnvironment>
{
    public const string Name = "reconcile-aws";
}
