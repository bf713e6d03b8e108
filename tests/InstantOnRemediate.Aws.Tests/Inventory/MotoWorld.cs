using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using AmazonSimpleSystemsManagementClient = Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient;
using AmazonSimpleSystemsManagementConfig = Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>SDK clients pointed at moto_server through a <see cref="RecordingHandler"/>, and helpers to build an EKS-like fleet in moto's EC2.</summary>
internal sealed class MotoWorld : IDisposable
{
    private MotoWorld(MotoServer moto)
    {
        TestEnvironment.ApplyStaticCredentials();
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

    public RecordingHandler Ec2Calls { get; } = new();

    public RecordingHandler SsmCalls { get; } = new();

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
    public async Task<List<(string InstanceId, string Node)>> LaunchAsync(string imageId, int count, string autoScalingGroup, string? nodegroupTag)
    {
        var tags = new List<Tag> { new("aws:autoscaling:groupName", autoScalingGroup), new("kubernetes.io/cluster/prod-eks", "owned") };
        if (nodegroupTag is not null)
        {
            tags.Add(new Tag("eks:nodegroup-name", nodegroupTag));
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
        Ec2.Dispose();
        Ssm.Dispose();
        Ec2Calls.Dispose();
        SsmCalls.Dispose();
    }
}
