using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using AmazonSimpleSystemsManagementClient = Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient;
using AmazonSimpleSystemsManagementConfig = Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>
/// Clients pointed at moto_server through <see cref="RecordingHandler"/>s (the hand-written EKS and EC2 clients, each
/// from its own <see cref="AwsClientFactory"/> so their calls are counted apart, and the SDK's SSM), and helpers to
/// build an EKS cluster with managed node groups and their instances. moto gives each node group an Auto Scaling
/// group name but starts no instances, so <see cref="LaunchAsync"/> runs them tagged as EKS would. EC2 fixtures
/// (VPC, subnet, AMIs, instances) are created with Query forms sent over an unrecorded EC2 channel.
/// </summary>
internal sealed class MotoWorld : IDisposable
{
    public const string NodeRole = "arn:aws:iam::123456789012:role/prod-eks-node-role";

    private readonly AwsClientFactory ec2Clients;

    private readonly AwsClientFactory seeding;

    private MotoWorld(MotoServer moto)
    {
        TestEnvironment.ApplyStaticCredentials();
        Aws = TestAws.Factory(TestAws.Settings(moto.Endpoint, maxAttempts: 1), EksCalls);
        ec2Clients = TestAws.Factory(TestAws.Settings(moto.Endpoint, maxAttempts: 1), Ec2Calls);
        seeding = TestAws.Factory(TestAws.Settings(moto.Endpoint, maxAttempts: 1));
        var credentials = new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey);
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

    /// <summary>The factory over moto whose clients go through <see cref="EksCalls"/> (the EKS client is the one used).</summary>
    public AwsClientFactory Aws { get; }

    public IAmazonEks Eks => Aws.Eks;

    /// <summary>The hand-written EC2 client; its calls are counted in <see cref="Ec2Calls"/>.</summary>
    public IAmazonEc2 Ec2 => ec2Clients.Ec2;

    public AmazonSimpleSystemsManagementClient Ssm { get; }

    public string SubnetId { get; private set; } = "";

    public static async Task<MotoWorld> CreateAsync(MotoServer moto)
    {
        await moto.ResetAsync();
        var world = new MotoWorld(moto);
        var vpc = await world.SeedAsync("CreateVpc", ("CidrBlock", "192.168.0.0/16"));
        var subnet = await world.SeedAsync("CreateSubnet", ("VpcId", Member(Single(vpc, "vpc"), "vpcId")), ("CidrBlock", "192.168.0.0/19"));
        world.SubnetId = Member(Single(subnet, "subnet"), "subnetId");
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
        var image = await SeedAsync(
            "RegisterImage",
            ("Name", name),
            ("Description", description),
            ("Architecture", "x86_64"),
            ("RootDeviceName", "/dev/xvda"),
            ("VirtualizationType", "hvm"));
        return Member(image, "imageId");
    }

    /// <summary>Launches instances tagged like managed node-group members; returns (instance id, private DNS name).</summary>
    public async Task<List<(string InstanceId, string Node)>> LaunchAsync(string imageId, int count, string autoScalingGroup, string? nodegroupTag, string cluster = "prod-eks")
    {
        var tags = new List<(string Key, string Value)> { ("aws:autoscaling:groupName", autoScalingGroup), ($"kubernetes.io/cluster/{cluster}", "owned") };
        if (nodegroupTag is not null)
        {
            tags.Add(("eks:nodegroup-name", nodegroupTag));
            tags.Add(("eks:cluster-name", cluster));
        }

        var fields = new List<(string, string)>
        {
            ("ImageId", imageId),
            ("MinCount", count.ToString(CultureInfo.InvariantCulture)),
            ("MaxCount", count.ToString(CultureInfo.InvariantCulture)),
            ("InstanceType", "m5.xlarge"),
            ("SubnetId", SubnetId),
            ("TagSpecification.1.ResourceType", "instance"),
        };
        for (var i = 0; i < tags.Count; i++)
        {
            var prefix = "TagSpecification.1.Tag." + (i + 1).ToString(CultureInfo.InvariantCulture);
            fields.Add((prefix + ".Key", tags[i].Key));
            fields.Add((prefix + ".Value", tags[i].Value));
        }

        var run = await SeedAsync("RunInstances", [.. fields]);
        return [.. Single(run, "instancesSet").Elements().Select(i => (Member(i, "instanceId"), Member(i, "privateDnsName")))];
    }

    /// <summary>An EC2 action moto carries out for the fixtures (not one the product sends); returns the response root.</summary>
    private async Task<XElement> SeedAsync(string action, params (string Name, string Value)[] fields)
    {
        var form = new AwsQueryString().Add("Action", action).Add("Version", Ec2QueryForm.ApiVersion);
        foreach (var (name, value) in fields)
        {
            form.Add(name, value);
        }

        var response = await seeding.Channel(AwsService.Ec2, Ec2ErrorReader.Instance).SendAsync(
            new AwsHttpRequest(HttpMethod.Post, "/") { Operation = action, Body = form.ToFormBody(), ContentType = Ec2QueryForm.ContentType },
            CancellationToken.None);
        return XDocument.Parse(Encoding.UTF8.GetString(response.Body)).Root!;
    }

    /// <summary>The one direct child element named <paramref name="name"/> (EC2 nests same-named elements deeper).</summary>
    private static XElement Single(XElement parent, string name) => parent.Elements().Single(e => e.Name.LocalName == name);

    private static string Member(XElement parent, string name) => Single(parent, name).Value;

    public void Dispose()
    {
        Aws.Dispose();
        ec2Clients.Dispose();
        seeding.Dispose();
        EksCalls.Dispose();
        Ssm.Dispose();
        Ec2Calls.Dispose();
        SsmCalls.Dispose();
    }
}
