using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// A moto_server seeded once like a live EKS account: cluster <see cref="Cluster"/> with managed node groups
/// ng-al2-general (AL2, one instance tagged only with its Auto Scaling group) and ng-al2023-general (AL2023, two
/// instances also tagged eks:nodegroup-name), their AMIs and instances. moto assigns each node group an Auto Scaling
/// group name but starts no instances, so the seed runs them with the tags EKS would set.
/// </summary>
public sealed class InventoryAwsEnvironment : IAsyncLifetime
{
    public const string Cluster = "cli-prod-eks";

    private const string Seed = """
        ec2 = boto3.client('ec2'); eks = boto3.client('eks')
        cluster = sys.argv[1]
        vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
        eks.create_cluster(name=cluster, version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster',
            resourcesVpcConfig=dict(subnetIds=[subnet]))
        out = {}
        for ng, ami_type, ami_name, count, tag_ng in [
                ('ng-al2-general', 'AL2_x86_64', 'amazon-eks-node-1.30-v20250212', 1, False),
                ('ng-al2023-general', 'AL2023_x86_64_STANDARD', 'amazon-eks-node-al2023-x86_64-standard-1.30-v20250212', 2, True)]:
            created = eks.create_nodegroup(clusterName=cluster, nodegroupName=ng, subnets=[subnet], amiType=ami_type,
                nodeRole='arn:aws:iam::123456789012:role/eks-node', version='1.30', releaseVersion='1.30.9-20250212',
                instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=4, desiredSize=count))
            asg = created['nodegroup']['resources']['autoScalingGroups'][0]['name']
            ami = ec2.register_image(Name=ami_name, Description=ami_name, Architecture='x86_64', RootDeviceName='/dev/xvda',
                VirtualizationType='hvm')['ImageId']
            tags = [dict(Key='aws:autoscaling:groupName', Value=asg), dict(Key='kubernetes.io/cluster/' + cluster, Value='owned')]
            if tag_ng:
                tags.append(dict(Key='eks:nodegroup-name', Value=ng))
            run = ec2.run_instances(ImageId=ami, MinCount=count, MaxCount=count, InstanceType='m5.xlarge', SubnetId=subnet,
                TagSpecifications=[dict(ResourceType='instance', Tags=tags)])
            out[ng] = dict(ami=ami, instances=sorted([i['InstanceId'], i['PrivateDnsName']] for i in run['Instances']))
        print(json.dumps(out))
        """;

    public MotoServer Moto { get; } = new();

    /// <summary>Node group → (AMI id, instances as (instance id, node name) sorted by id).</summary>
    public IReadOnlyDictionary<string, (string AmiId, IReadOnlyList<(string InstanceId, string Node)> Instances)> Nodegroups { get; private set; } =
        new Dictionary<string, (string, IReadOnlyList<(string, string)>)>();

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        using var seeded = JsonDocument.Parse(await RunPythonAsync(Seed, Cluster));
        Nodegroups = seeded.RootElement.EnumerateObject().ToDictionary(
            g => g.Name,
            g => (g.Value.GetProperty("ami").GetString()!,
                (IReadOnlyList<(string, string)>)[.. g.Value.GetProperty("instances").EnumerateArray().Select(i => (i[0].GetString()!, i[1].GetString()!))]));
    }

    public Task DisposeAsync() => Moto.DisposeAsync();

    private Task<string> RunPythonAsync(string script, string argument) =>
        Boto3Script.RunAsync(Moto.Endpoint, script, [argument], TimeSpan.FromSeconds(60));
}
