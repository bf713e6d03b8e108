using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Runbook;

/// <summary>
/// A moto_server seeded like an account whose cluster prod-eks runs InstantOn only on AL2 (kernel 5.10): node group
/// ng-al2-general with one instance (tagged as EKS tags it) and its AMI, and the service's state table.
/// </summary>
public sealed class RunbookAwsEnvironment : IAsyncLifetime
{
    public const string Cluster = "prod-eks";
    public const string Nodegroup = "ng-al2-general";
    public const string StateTable = "instanton-runbook-state";

    private const string Seed = """
        ec2 = boto3.client('ec2'); eks = boto3.client('eks')
        cluster, ng = sys.argv[1], sys.argv[2]
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
        eks.create_cluster(name=cluster, version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster',
            resourcesVpcConfig=dict(subnetIds=[subnet]))
        created = eks.create_nodegroup(clusterName=cluster, nodegroupName=ng, subnets=[subnet], amiType='AL2_x86_64',
            nodeRole='arn:aws:iam::123456789012:role/eks-node', version='1.30', releaseVersion='1.30.9-20250212',
            instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=4, desiredSize=1))
        asg = created['nodegroup']['resources']['autoScalingGroups'][0]['name']
        ami = ec2.register_image(Name='amazon-eks-node-1.30-v20250212', Description='eks al2', Architecture='x86_64',
            RootDeviceName='/dev/xvda', VirtualizationType='hvm')['ImageId']
        tags = [dict(Key='aws:autoscaling:groupName', Value=asg), dict(Key='eks:nodegroup-name', Value=ng), dict(Key='eks:cluster-name', Value=cluster)]
        run = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType='m5.xlarge', SubnetId=subnet,
            TagSpecifications=[dict(ResourceType='instance', Tags=tags)])
        print(json.dumps(dict(node=run['Instances'][0]['PrivateDnsName'])))
        """;

    private const string ListNodegroups = """
        print(json.dumps(boto3.client('eks').list_nodegroups(clusterName=sys.argv[1])['nodegroups']))
        """;

    public MotoServer Moto { get; } = new();

    /// <summary>The Kubernetes node name (private DNS name) of the AL2 instance.</summary>
    public string Node { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        using var seeded = JsonDocument.Parse(await RunPythonAsync(Seed, Cluster, Nodegroup));
        Node = seeded.RootElement.GetProperty("node").GetString()!;
        TestEnvironment.ApplyStaticCredentials();
        using var dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonDynamoDBConfig { ServiceURL = Moto.Endpoint.ToString(), AuthenticationRegion = MotoServer.Region });
        await dynamo.CreateTableAsync(InstantOnRemediate.Aws.State.StateTable.CreateTableRequest(StateTable));
        await dynamo.UpdateTimeToLiveAsync(InstantOnRemediate.Aws.State.StateTable.TimeToLiveRequest(StateTable));
    }

    public Task DisposeAsync() => Moto.DisposeAsync();

    /// <summary>The node groups moto's EKS holds for the cluster now.</summary>
    public async Task<IReadOnlyList<string>> NodegroupsAsync()
    {
        using var listed = JsonDocument.Parse(await RunPythonAsync(ListNodegroups, Cluster));
        return [.. listed.RootElement.EnumerateArray().Select(n => n.GetString()!).Order(StringComparer.Ordinal)];
    }

    private Task<string> RunPythonAsync(string script, params string[] arguments) =>
        Boto3Script.RunAsync(Moto.Endpoint, script, arguments, TimeSpan.FromSeconds(60));
}
