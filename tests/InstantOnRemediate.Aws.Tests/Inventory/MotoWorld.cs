using Amazon.EC2;
using Amazon.EC2.Model;
using System.Text;
using Amazon.Runtime;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using AmazonSimpleSystemsManagementClient = Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient;
using AmazonSimpleSystemsManagementConfig = Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>
/// Clients pointed at moto_server through <see cref="RecordingHandler"/>s (the hand-written EKS client from the shared
/// <see cref="AwsClientFactory"/>, the SDK's EC2 and SSM), and helpers to build an EKS cluster with managed node
/// groups and their instances. moto gives each node group an Auto Scaling group name but starts no instances, so
/// <see cref="LaunchAsync"/> runs them tagged as EKS would.
/// </summary>
internal sealed class MotoWorld : IDisposable
{
    public const string NodeRole = "arn:aws:iam::123456789012:role/prod-eks-node-role";

    private MotoWorld(MotoServer moto)
    {
        TestEnvironment.ApplyStaticCredentials();
        Aws = TestAws.Factory(TestAws.Settings(moto.Endpoint, maxAttempts: 1), EksCalls);
        var credentials = new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey);
        Ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config
        {
            ServiceURL = moto.Endpoint.ToString(),
            AuthenticationRegion = MotoServer.Region,
            HttpClientFactory = new RecordingHttpClientFactory(Ec2Calls),
            MaxErrorRetry = 0,
        });
        Ssm = new AmazonSimpleSystemsManagementClient(credentials, new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = moto.Endpoint.ToString(),
            AuthenticationRegion = MotoServer.Region,
            HttpClientFactory = new RecordingHttpClientFactory(SsmCalls),
            MaxErrorRetry = 0,
        });
    }

    public RecordingHandler EksCalls { get; } = new();

    public RecordingHandler Ec2Calls { get; } = new();

    public RecordingHandler SsmCalls { get; } = new();

    /// <summary>The shared factory over moto; only its hand-written clients go through <see cref="EksCalls"/>.</summary>
    public AwsClientFactory Aws { get; }

    public IAmazonEks Eks => Aws.Eks;

    public AmazonEC2Client Ec2 { get; }

    public AmazonSimpleSystemsManagementClient Ssm { get; }

    public string SubnetId { get; private set; } = "";

    public static async Task<MotoWorld> CreateAsync(MotoServer moto)
    {
        await moto.ResetAsync();
        var world = new MotoWorld(moto);
        var vpc = await world.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "192.168.0.0/16" });
        var subnet = await world.Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.Vpc.VpcId, CidrBlock = "192.168.0.0/19" });
        world.SubnetId = subnet.Subnet.SubnetId;
        return world;
    }

    /// <summary>CreateCluster (not part of the product's EKS client) sent signed over the factory's EKS channel.</summary>
    public async Task CreateClusterAsync(string name)
    {
        var body = $$$"""
            {"name":"{{{name}}}","version":"1.30","roleArn":"arn:aws:iam::123456789012:role/{{{name}}}-cluster-role",
             "resourcesVpcConfig":{"subnetIds":["{{{SubnetId}}}"]}}
            """;
        await Aws.Channel(AwsService.Eks, JsonErrorReader.Instance).SendAsync(
            new AwsHttpRequest(HttpMethod.Post, "/clusters") { Operation = "CreateCluster", Body = Encoding.UTF8.GetBytes(body), ContentType = "application/json" },
            CancellationToken.None);
    }

    /// <summary>Creates a managed node group through the EKS client; returns the Auto Scaling group name moto assigned it.</summary>
    public async Task<string> CreateNodegroupAsync(string cluster, string name, string amiType, string releaseVersion)
    {
        var created = await Eks.CreateNodegroupAsync(new CreateNodegroupRequest
        {
            ClusterName = cluster,
            NodegroupName = name,
            Subnets = [SubnetId],
            NodeRole = NodeRole,
            ScalingConfig = new NodegroupScalingConfig { MinSize = 1, MaxSize = 4, DesiredSize = 2 },
            InstanceTypes = ["m5.xlarge"],
            AmiType = amiType,
            Version = "1.30",
            ReleaseVersion = releaseVersion,
            Labels = new Dictionary<string, string> { ["workload"] = "general" },
        });
        return Assert.Single(created.Nodegroup!.Resources!.AutoScalingGroups!).Name!;
    }

    public async Task<string> RegisterAmiAsync(string name, string description)
    {
        var image = await Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = name,
            Description = description,
            Architecture = ArchitectureValues.X86_64,
            RootDeviceName = "/dev/xvda",
            VirtualizationType = "hvm",
        });
        return image.ImageId;
    }

    /// <summary>Launches instances tagged like managed node-group members; returns (instance id, private DNS name).</summary>
    public async Task<List<(string InstanceId, string Node)>> LaunchAsync(string imageId, int count, string autoScalingGroup, string? nodegroupTag, string cluster = "prod-eks")
    {
        var tags = new List<Tag> { new("aws:autoscaling:groupName", autoScalingGroup), new($"kubernetes.io/cluster/{cluster}", "owned") };
        if (nodegroupTag is not null)
        {
            tags.Add(new Tag("eks:nodegroup-name", nodegroupTag));
            tags.Add(new Tag("eks:cluster-name", cluster));
        }

        var run = await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = imageId,
            MinCount = count,
            MaxCount = count,
            InstanceType = InstanceType.M5Xlarge,
            SubnetId = SubnetId,
            TagSpecifications = [new TagSpecification { ResourceType = Amazon.EC2.ResourceType.Instance, Tags = tags }],
        });
        return [.. run.Reservation.Instances.Select(i => (i.InstanceId, i.PrivateDnsName))];
    }

    public void Dispose()
    {
        Aws.Dispose();
        EksCalls.Dispose();
        Ec2.Dispose();
        Ssm.Dispose();
        Ec2Calls.Dispose();
        SsmCalls.Dispose();
    }
}
