using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.EndToEnd;

/// <summary>
/// The moto world of the EKS case: cluster prod-eks with an AL2 and an AL2023 managed node group, one instance
/// each (tagged as EKS tags them), the alert topic with a queue subscribed to read alerts back, the state table;
/// and detect events built from the shipped sample with the node name moto gave the AL2 instance. Each event is
/// the sample shifted by whole minutes (new event ids and timestamps): one more failed restore of the same pod.
/// </summary>
internal sealed record EksCaseWorld(string Cluster, IReadOnlyList<string> Events, string Topic, string Queue, string Table, string Node)
{
    public const string IncompatibleNodegroup = "ng-al2-general";

    /// <summary>Seeds moto with cluster prod-eks and returns the world with one event per entry of <paramref name="minuteShifts"/>.</summary>
    public static Task<EksCaseWorld> SeedAsync(Uri endpoint, params int[] minuteShifts) => SeedAsync(endpoint, "prod-eks", minuteShifts);

    /// <summary>The same world for a cluster of another name (the sample's log group and metadata renamed with it).</summary>
    public static async Task<EksCaseWorld> SeedAsync(Uri endpoint, string cluster, params int[] minuteShifts)
    {
        var json = JsonDocument.Parse(await Boto3Script.RunAsync(endpoint, SeedScript(RepoPaths.Event("detect", "eks-rseq-al2.decoded.json"), cluster, minuteShifts))).RootElement;
        return new EksCaseWorld(
            cluster,
            [.. json.GetProperty("events").EnumerateArray().Select(e => e.GetRawText())],
            json.GetProperty("topic").GetString()!, json.GetProperty("queue").GetString()!, json.GetProperty("table").GetString()!, json.GetProperty("node").GetString()!);
    }

    /// <summary>The environment of a function of the stack pointed at moto (what template.yaml sets, plus the endpoint).</summary>
    public Dictionary<string, string> FunctionEnvironment(Uri endpoint, string handler, string runtimeApi, string mode, DateTimeOffset now, string? policy = null)
    {
        var environment = new Dictionary<string, string>(TestEnvironment.ChildEnvironment(endpoint))
        {
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["MODE"] = mode,
            ["CLUSTERS"] = Cluster,
            ["STATE_TABLE"] = Table,
            ["TOPIC_ARN"] = Topic,
            ["RUNBOOK_FUNCTION"] = "instanton-remediate-runbook",
            ["NOW"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["LOG_LEVEL"] = "warn",
        };
        if (policy is not null)
        {
            environment["POLICY"] = policy;
        }

        return environment;
    }

    /// <summary>Every alert the topic delivered to the queue so far (subject and the text for people, from the queue's JSON body), oldest first; the queue is drained.</summary>
    public async Task<IReadOnlyList<(string Subject, string Message)>> DrainAlertsAsync(Uri endpoint)
    {
        var json = JsonDocument.Parse(await Boto3Script.RunAsync(endpoint, $$"""
            sqs = boto3.client('sqs'); out = []
            for _ in range(20):
                got = sqs.receive_message(QueueUrl='{{Queue}}', MaxNumberOfMessages=10).get('Messages', [])
                if not got: break
                for m in got:
                    body = json.loads(m['Body']); doc = json.loads(body['Message'])  # the 'sqs' body: the alert document (docs/schemas/alert.v1.json)
                    out.append({'subject': doc['subject'], 'message': doc['text']})
                    sqs.delete_message(QueueUrl='{{Queue}}', ReceiptHandle=m['ReceiptHandle'])
            print(json.dumps(out))
            """)).RootElement;
        return [.. json.EnumerateArray().Select(a => (a.GetProperty("subject").GetString()!, a.GetProperty("message").GetString()!))];
    }

    private static string SeedScript(string decodedSample, string cluster, int[] shifts) => $$"""
        import base64, gzip, copy
        cluster = {{JsonSerializer.Serialize(cluster)}}
        ec2 = boto3.client('ec2'); eks = boto3.client('eks'); sns = boto3.client('sns'); sqs = boto3.client('sqs'); ddb = boto3.client('dynamodb')
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
        eks.create_cluster(name=cluster, version='1.30', roleArn='arn:aws:iam::123456789012:role/eks', resourcesVpcConfig={'subnetIds': [subnet]})
        nodes = {}
        for name, ami_type, release in (('ng-al2-general', 'AL2_x86_64', '1.30.9-20250212'), ('ng-al2023-general', 'AL2023_x86_64_STANDARD', '1.30.9-20250212')):
            eks.create_nodegroup(clusterName=cluster, nodegroupName=name, subnets=[subnet], nodeRole='arn:aws:iam::123456789012:role/node',
                                 amiType=ami_type, releaseVersion=release, scalingConfig={'minSize': 1, 'maxSize': 3, 'desiredSize': 1})
            asg = eks.describe_nodegroup(clusterName=cluster, nodegroupName=name)['nodegroup']['resources']['autoScalingGroups'][0]['name']
            image = ec2.describe_images(Owners=['amazon'])['Images'][0]['ImageId']
            inst = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, SubnetId=subnet, TagSpecifications=[{'ResourceType': 'instance', 'Tags': [
                {'Key': 'eks:nodegroup-name', 'Value': name}, {'Key': 'eks:cluster-name', 'Value': cluster}, {'Key': 'aws:autoscaling:groupName', 'Value': asg}]}])['Instances'][0]
            nodes[name] = inst['PrivateDnsName']
        topic = sns.create_topic(Name='instanton-alerts')['TopicArn']
        queue = sqs.create_queue(QueueName='instanton-alerts')['QueueUrl']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn'])
        ddb.create_table(TableName='instanton-state', BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}])
        sample = json.loads(open({{JsonSerializer.Serialize(decodedSample)}}).read().replace('ip-192-168-12-34.us-west-2.compute.internal', nodes['ng-al2-general']).replace('prod-eks', cluster))
        events = []
        for shift in {{JsonSerializer.Serialize(shifts)}}:
            batch = copy.deepcopy(sample)
            for e in batch['logEvents']:
                e['timestamp'] += shift * 60000
                e['id'] = str(int(e['id']) + shift * 1000000)
            data = base64.b64encode(gzip.compress(json.dumps(batch).encode(), mtime=0)).decode()
            events.append({'awslogs': {'data': data} })
        print(json.dumps({'events': events, 'topic': topic, 'queue': queue, 'table': 'instanton-state', 'node': nodes['ng-al2-general']}))
        """;
}
