using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Lambda.Tests.Handlers;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Migration;

/// <summary>
/// The seed case in moto_server: cluster mig-eks (Kubernetes 1.30) whose only managed node group ng-al2-general
/// (AL2_x86_64, 1.30.9-20250212, m5.xlarge, ON_DEMAND, scaling 1/4/2) has two running instances tagged as EKS tags
/// them; the state table, the alert topic with a queue (raw delivery), the container log group. The functions run
/// in process through FunctionFactory against moto, with the clock of each invocation passed in (FunctionOptions.Now).
/// moto does what EKS does to the control plane but launches and terminates no instances: <see cref="LaunchAsync"/>
/// and <see cref="TerminateAsync"/> do that part the way EKS would (tagged with the group's Auto Scaling group name).
/// </summary>
public sealed class MigrationWorld : IAsyncLifetime
{
    public const string Cluster = "mig-eks";
    public const string Old = "ng-al2-general";
    public const string New = "ng-al2-general-al2023";
    public const string Table = "instanton-state";
    public const string LogGroup = "/aws/containerinsights/mig-eks/application";
    private const string Al2Node = "ip-192-168-12-34.us-west-2.compute.internal";
    private const string Al2023Node = "ip-192-168-45-67.us-west-2.compute.internal";

    private const string Seed = """
        ec2 = boto3.client('ec2'); eks = boto3.client('eks'); ddb = boto3.client('dynamodb'); sns = boto3.client('sns'); sqs = boto3.client('sqs'); logs = boto3.client('logs')
        cluster, table, group, old = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
        eks.create_cluster(name=cluster, version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster', resourcesVpcConfig=dict(subnetIds=[subnet]))
        eks.create_nodegroup(clusterName=cluster, nodegroupName=old, subnets=[subnet], amiType='AL2_x86_64', capacityType='ON_DEMAND',
            nodeRole='arn:aws:iam::123456789012:role/eks-node', version='1.30', releaseVersion='1.30.9-20250212', labels={'team': 'shop'},
            instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=4, desiredSize=2))
        for name in ('amazon-eks-node-1.30-v20250212', 'amazon-eks-node-al2023-x86_64-standard-1.30-v20250212'):
            ec2.register_image(Name=name, Description=name, Architecture='x86_64', RootDeviceName='/dev/xvda', VirtualizationType='hvm')
        ddb.create_table(TableName=table, KeySchema=[dict(AttributeName='pk', KeyType='HASH'), dict(AttributeName='sk', KeyType='RANGE')],
            AttributeDefinitions=[dict(AttributeName='pk', AttributeType='S'), dict(AttributeName='sk', AttributeType='S')], BillingMode='PAY_PER_REQUEST')
        topic = sns.create_topic(Name='instanton-remediate-alerts')['TopicArn']
        queue = sqs.create_queue(QueueName='alerts-inbox')['QueueUrl']
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=queue_arn, Attributes=dict(RawMessageDelivery='true'))
        logs.create_log_group(logGroupName=group)
        print(json.dumps(dict(topic=topic, queue=queue)))
        """;

    /// <summary>What EKS does after a scale-up: instances of the group's ASG, tagged as EKS tags them.</summary>
    private const string Launch = """
        ec2 = boto3.client('ec2'); eks = boto3.client('eks')
        cluster, ng, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        group = eks.describe_nodegroup(clusterName=cluster, nodegroupName=ng)['nodegroup']
        asg = group['resources']['autoScalingGroups'][0]['name']
        family = 'al2023-x86_64-standard-' if group['amiType'].startswith('AL2023') else ''
        image = ec2.describe_images(Filters=[dict(Name='name', Values=['amazon-eks-node-' + family + '1.30-v20250212'])])['Images'][0]['ImageId']
        subnet = group['subnets'][0]
        tags = [dict(Key='aws:autoscaling:groupName', Value=asg), dict(Key='eks:nodegroup-name', Value=ng), dict(Key='eks:cluster-name', Value=cluster)]
        run = ec2.run_instances(ImageId=image, MinCount=count, MaxCount=count, InstanceType='m5.xlarge', SubnetId=subnet, TagSpecifications=[dict(ResourceType='instance', Tags=tags)])
        print(json.dumps([i['PrivateDnsName'] for i in run['Instances']]))
        """;

    /// <summary>What EKS does after a scale-in: terminates instances of the group (it drains them first).</summary>
    private const string Terminate = """
        ec2 = boto3.client('ec2')
        ng, count = sys.argv[1], int(sys.argv[2])
        found = ec2.describe_instances(Filters=[dict(Name='tag:eks:nodegroup-name', Values=[ng]), dict(Name='instance-state-name', Values=['pending', 'running'])])
        ids = sorted(i['InstanceId'] for r in found['Reservations'] for i in r['Instances'])[:count]
        if ids: ec2.terminate_instances(InstanceIds=ids)
        print(json.dumps(ids))
        """;

    public MotoServer Moto { get; } = new();

    public string TopicArn { get; private set; } = "";

    public string QueueUrl { get; private set; } = "";

    public string Policy { get; set; } = DefaultPolicy;

    public const string DefaultPolicy = """{"version":1,"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30},"migration":{"enabled":true,"stageTimeoutMinutes":30}}""";

    /// <summary>In front of moto for EKS (AWS_ENDPOINT_URL_EKS): every EKS request the functions send, to validate against botocore's model.</summary>
    public FaultProxy EksProxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        EksProxy = new FaultProxy(Moto.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await EksProxy.DisposeAsync();
        await Moto.DisposeAsync();
    }

    /// <summary>A fresh world: moto reset and seeded; returns the old group's node names.</summary>
    public async Task<IReadOnlyList<string>> ResetAsync(string? policy = null)
    {
        Policy = policy ?? DefaultPolicy;
        await Moto.ResetAsync();
        EksProxy.Reset();
        using var seeded = JsonDocument.Parse(await Python(Seed, Cluster, Table, LogGroup, Old));
        TopicArn = seeded.RootElement.GetProperty("topic").GetString()!;
        QueueUrl = seeded.RootElement.GetProperty("queue").GetString()!;
        return await LaunchAsync(Old, 2);
    }

    public async Task<IReadOnlyList<string>> LaunchAsync(string nodegroup, int count)
    {
        using var launched = JsonDocument.Parse(await Python(Launch, Cluster, nodegroup, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return [.. launched.RootElement.EnumerateArray().Select(n => n.GetString()!)];
    }

    public Task TerminateAsync(string nodegroup, int count) => Python(Terminate, nodegroup, count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>DescribeNodegroup of a group as moto has it (null when gone).</summary>
    public async Task<JsonElement?> NodegroupAsync(string name)
    {
        var text = await Python("""
            eks = boto3.client('eks')
            try:
                g = eks.describe_nodegroup(clusterName=sys.argv[1], nodegroupName=sys.argv[2])['nodegroup']
                print(json.dumps(dict(status=g['status'], scaling=g['scalingConfig'], taints=g.get('taints', []), labels=g.get('labels', {}), amiType=g.get('amiType'), version=g.get('version'))))
            except eks.exceptions.ResourceNotFoundException:
                print('null')
            """, Cluster, name);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.ValueKind == JsonValueKind.Null ? null : doc.RootElement.Clone();
    }

    /// <summary>The alert documents the topic delivered so far (subject, text), oldest first; the queue is drained.</summary>
    public async Task<IReadOnlyList<(string Subject, string Text)>> DrainAlertsAsync()
    {
        using var received = JsonDocument.Parse(await Python("""
            sqs = boto3.client('sqs'); out = []
            for _ in range(20):
                got = sqs.receive_message(QueueUrl=sys.argv[1], MaxNumberOfMessages=10, WaitTimeSeconds=0).get('Messages', [])
                if not got: break
                for m in got:
                    b = json.loads(m['Body']); doc = json.loads(b['Message']) if 'Message' in b and 'Type' in b else b
                    out.append([doc['subject'], doc['text']])
                    sqs.delete_message(QueueUrl=sys.argv[1], ReceiptHandle=m['ReceiptHandle'])
            print(json.dumps(out))
            """, QueueUrl));
        return [.. received.RootElement.EnumerateArray().Select(a => (a[0].GetString()!, a[1].GetString()!))];
    }

    /// <summary>The detect event of the shipped AL2 failure sample, on <paramref name="node"/> at <paramref name="at"/>.</summary>
    public static byte[] FailureEvent(string node, DateTimeOffset at, string idPrefix = "389")
    {
        var decoded = Rewrite("eks-rseq-al2.decoded.json", Al2Node, node, at);
        foreach (var e in decoded["logEvents"]!.AsArray())
        {
            e!["id"] = idPrefix + e["id"]!.GetValue<string>()[3..]; // another delivery of other events (ids are the dedupe key)
        }

        return SubscriptionEnvelopes.Envelope(decoded);
    }

    /// <summary>A second AL2 node group in the cluster (same settings, one instance); returns its node names.</summary>
    public async Task<IReadOnlyList<string>> AddSecondOldGroupAsync(string name)
    {
        await Python("""
            ec2 = boto3.client('ec2'); eks = boto3.client('eks')
            cluster, name = sys.argv[1], sys.argv[2]
            subnet = ec2.describe_subnets()['Subnets'][0]['SubnetId']
            eks.create_nodegroup(clusterName=cluster, nodegroupName=name, subnets=[subnet], amiType='AL2_x86_64', capacityType='ON_DEMAND',
                nodeRole='arn:aws:iam::123456789012:role/eks-node', version='1.30', releaseVersion='1.30.9-20250212',
                instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=4, desiredSize=1))
            print('{}')
            """, Cluster, name);
        return await LaunchAsync(name, 1);
    }

    /// <summary>What EKS does after a scale-in: the group's running instances terminated down to its desired size.</summary>
    public async Task TerminateToDesiredAsync(string nodegroup)
    {
        var group = await NodegroupAsync(nodegroup);
        var desired = group!.Value.GetProperty("scaling").GetProperty("desiredSize").GetInt32();
        await Python("""
            ec2 = boto3.client('ec2')
            ng, desired = sys.argv[1], int(sys.argv[2])
            found = ec2.describe_instances(Filters=[dict(Name='tag:eks:nodegroup-name', Values=[ng]), dict(Name='instance-state-name', Values=['pending', 'running'])])
            ids = sorted(i['InstanceId'] for r in found['Reservations'] for i in r['Instances'])
            if len(ids) > desired: ec2.terminate_instances(InstanceIds=ids[desired:])
            print('{}')
            """, nodegroup, desired.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the shipped AL2023 success sample (pod shop/orders-...) on <paramref name="node"/> into the log group, as Container Insights does.</summary>
    public Task PutSuccessAsync(string node, DateTimeOffset at)
    {
        var success = Rewrite("eks-success-al2023.decoded.json", Al2023Node, node, at);
        var events = success["logEvents"]!.AsArray().Select(e => new object[] { e!["timestamp"]!.GetValue<long>(), e["message"]!.GetValue<string>() });
        return Python("""
            logs = boto3.client('logs')
            logs.create_log_stream(logGroupName=sys.argv[1], logStreamName=sys.argv[2])
            logs.put_log_events(logGroupName=sys.argv[1], logStreamName=sys.argv[2], logEvents=[dict(timestamp=t, message=m) for t, m in json.loads(sys.argv[3])])
            print('{}')
            """, LogGroup, success["logStream"]!.GetValue<string>(), JsonSerializer.Serialize(events));
    }

    private ServiceSettings Settings => new()
    {
        StateTable = Table, TopicArn = TopicArn, Clusters = [Cluster], Policy = Policy, ContainerLogGroups = [LogGroup], RunbookFunction = "instanton-remediate-runbook",
    };

    /// <summary>One invocation of a function, in process, against moto, with its clock at <paramref name="now"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string handlerName, string payload, DateTimeOffset now)
    {
        var handler = FunctionFactory.Create(handlerName, new FunctionOptions { UseAws = true, Mode = "enforce", Now = now }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, Settings);
        var bytes = await handler.HandleAsync(Encoding.UTF8.GetBytes(payload), HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    public async Task<JsonElement> InvokeAsync(string handlerName, byte[] payload, DateTimeOffset now) => await InvokeAsync(handlerName, Encoding.UTF8.GetString(payload), now);

    private Task<string> Python(string script, params string[] arguments) => Boto3Script.RunAsync(Moto.Endpoint, script, arguments, TimeSpan.FromSeconds(60));

    private static JsonObject Rewrite(string sample, string node, string motoNode, DateTimeOffset at)
    {
        var text = File.ReadAllText(RepoPaths.Event("detect", sample)).Replace(node, motoNode, StringComparison.Ordinal).Replace("prod-eks", Cluster, StringComparison.Ordinal);
        var decoded = JsonNode.Parse(text)!.AsObject();
        var events = decoded["logEvents"]!.AsArray();
        var first = events[0]!["timestamp"]!.GetValue<long>();
        foreach (var e in events)
        {
            e!["timestamp"] = at.ToUnixTimeMilliseconds() + (e["timestamp"]!.GetValue<long>() - first);
        }

        return decoded;
    }

}

/// <summary>Tests that point the process-wide AWS environment at moto: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MigrationCollection : ICollectionFixture<MigrationWorld>
{
    public const string Name = "migration-aws";
}
