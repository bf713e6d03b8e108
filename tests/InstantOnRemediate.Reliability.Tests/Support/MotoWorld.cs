using System.Text.Json;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>
/// A moto_server seeded like a live account, behind a <see cref="FaultProxy"/> that records every request the
/// service makes and injects faults on demand. Cluster <see cref="Cluster"/> has ng-al2-general (AL2, kernel 5.10:
/// restores killed by signal 11) and ng-al2023-general (AL2023, compatible), two instances each tagged as EKS tags
/// them; an SNS topic for alerts and the DynamoDB state table. <see cref="SeedClusterAsync"/> adds larger clusters.
/// </summary>
public sealed class MotoWorld : IAsyncLifetime
{
    public const string Cluster = "prod-eks";
    public const string Table = "instanton-state";
    public const string Al2Nodegroup = "ng-al2-general";

    private const string SeedScript = """
        import boto3, concurrent.futures, json, sys, threading
        ec2 = boto3.client('ec2'); eks = boto3.client('eks'); sns = boto3.client('sns'); ddb = boto3.client('dynamodb')
        cluster, al2_groups, per_group, extra = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/18')['Subnet']['SubnetId']
        eks.create_cluster(name=cluster, version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster', resourcesVpcConfig=dict(subnetIds=[subnet]))
        amis = {}
        for family, name in [('AL2_x86_64', 'amazon-eks-node-1.30-v20250212'), ('AL2023_x86_64_STANDARD', 'amazon-eks-node-al2023-x86_64-standard-1.30-v20250212')]:
            amis[family] = ec2.register_image(Name=name, Description=name, Architecture='x86_64', RootDeviceName='/dev/xvda', VirtualizationType='hvm')['ImageId']
        groups = [('ng-al2-general' if al2_groups == 1 else 'ng-al2-%03d' % i, 'AL2_x86_64') for i in range(al2_groups)] + [('ng-al2023-general', 'AL2023_x86_64_STANDARD')]
        out = {'nodegroups': {}}
        local = threading.local()
        def seed(group):
            ng, family = group
            if not hasattr(local, 'eks'):
                local.eks, local.ec2 = boto3.client('eks'), boto3.client('ec2')
            local.eks.create_nodegroup(clusterName=cluster, nodegroupName=ng, subnets=[subnet], amiType=family, nodeRole='arn:aws:iam::123456789012:role/eks-node',
                version='1.30', releaseVersion='1.30.9-20250212', instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=4, desiredSize=per_group))
            tags = [dict(Key='eks:nodegroup-name', Value=ng), dict(Key='eks:cluster-name', Value=cluster)]
            run = local.ec2.run_instances(ImageId=amis[family], MinCount=per_group, MaxCount=per_group, InstanceType='m5.xlarge', SubnetId=subnet,
                TagSpecifications=[dict(ResourceType='instance', Tags=tags)])
            return ng, sorted([i['InstanceId'], i['PrivateDnsName']] for i in run['Instances'])
        with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
            out['nodegroups'] = dict(pool.map(seed, groups))
        if extra == 'account':
            out['topic'] = sns.create_topic(Name='instanton-alerts')['TopicArn']
            ddb.create_table(TableName=sys.argv[5], AttributeDefinitions=[dict(AttributeName='pk', AttributeType='S'), dict(AttributeName='sk', AttributeType='S')],
                KeySchema=[dict(AttributeName='pk', KeyType='HASH'), dict(AttributeName='sk', KeyType='RANGE')], BillingMode='PAY_PER_REQUEST')
        print(json.dumps(out))
        """;

    private FaultProxy? proxy;

    public MotoServer Moto { get; } = new();

    public FaultProxy Proxy => proxy ?? throw new InvalidOperationException("not started");

    public string TopicArn { get; private set; } = "";

    /// <summary>Node names (PrivateDnsName) of <see cref="Cluster"/>'s node groups.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Nodes { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        proxy = new FaultProxy(Moto.Endpoint);
        using var seeded = JsonDocument.Parse(await RunPythonAsync(SeedScript, Cluster, "1", "2", "account", Table));
        TopicArn = seeded.RootElement.GetProperty("topic").GetString()!;
        Nodes = NodesOf(seeded.RootElement);
    }

    /// <summary>Adds cluster <paramref name="cluster"/> with <paramref name="al2Nodegroups"/> AL2 node groups of one instance each, plus one AL2023 group.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> SeedClusterAsync(string cluster, int al2Nodegroups)
    {
        using var seeded = JsonDocument.Parse(await RunPythonAsync(SeedScript, cluster, al2Nodegroups.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "none"));
        return NodesOf(seeded.RootElement);
    }

    /// <summary>Points the process-wide AWS settings at the proxy (tests of the aws-environment collection run alone).</summary>
    public void ApplyEnvironment()
    {
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", Proxy.Endpoint.ToString().TrimEnd('/'));
    }

    /// <summary>detect in enforce mode against the proxy: live inventory, executors, alerts to the topic.</summary>
    internal Invocation Detect(DateTimeOffset now, string? stateDirectory = null, string mode = "enforce")
    {
        ApplyEnvironment();
        return Invocation.Create("detect",
            new FunctionOptions { Mode = mode, UseAws = true, StateDirectory = stateDirectory, Now = now },
            new ServiceSettings { TopicArn = TopicArn, StateTable = stateDirectory is null ? Table : null });
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", null);
        if (proxy is not null)
        {
            await proxy.DisposeAsync();
        }

        await Moto.DisposeAsync();
    }

    private static Dictionary<string, IReadOnlyList<string>> NodesOf(JsonElement root) =>
        root.GetProperty("nodegroups").EnumerateObject().ToDictionary(
            g => g.Name,
            g => (IReadOnlyList<string>)[.. g.Value.EnumerateArray().Select(i => i[1].GetString()!)]);

    private Task<string> RunPythonAsync(string script, params string[] arguments) =>
        Boto3Script.RunAsync(Moto.Endpoint, script, arguments, TimeSpan.FromSeconds(120));
}
