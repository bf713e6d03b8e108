using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Aws.Tests.Inventory;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Ec2;

/// <summary>The hand-written EC2 client against moto_server's EC2: filters, pages, images, errors, throttling through a proxy.</summary>
[Collection(InventoryMotoCollection.Name)]
public sealed class Ec2ClientMotoTests(MotoServer moto)
{
    [Fact]
    public async Task DescribeInstances_PrivateDnsNameInstanceIdAndTagFilters_FindTheLaunchedInstances()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var group = await world.LaunchAsync(ami, 2, "eks-ng-a", nodegroupTag: "ng-a");
        var other = await world.LaunchAsync(ami, 1, "eks-ng-b", nodegroupTag: null);

        var byDns = await world.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new("private-dns-name", [group[1].Node, other[0].Node])] });
        var byId = await world.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new("instance-id", [group[0].InstanceId])] });
        var byTag = await world.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new("tag:" + Ec2Inventory.AutoScalingGroupTagKey, ["eks-ng-a"]), new("instance-state-name", ["pending", "running"])],
            MaxResults = 1000,
        });

        Assert.Equal(new[] { group[1].InstanceId, other[0].InstanceId }.Order(StringComparer.Ordinal), byDns.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        var one = Assert.Single(byId.Instances);
        // moto's DescribeInstances carries no <architecture>; the canned EC2 pages cover that member.
        Assert.Equal((group[0].InstanceId, group[0].Node, ami, "m5.xlarge", "running"), (one.InstanceId, one.PrivateDnsName, one.ImageId, one.InstanceType, one.State));
        Assert.Contains(new Ec2Tag("eks:nodegroup-name", "ng-a"), one.Tags);
        Assert.Contains(new Ec2Tag("aws:autoscaling:groupName", "eks-ng-a"), one.Tags);
        Assert.Equal(group.Select(g => g.InstanceId).Order(StringComparer.Ordinal), byTag.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(new[] { byDns, byId, byTag }, page => Assert.Null(page.NextToken));
    }

    [Fact]
    public async Task DescribeInstances_SevenReservationsFiveAPage_NextTokenReachesEveryInstance()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var launched = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            launched.AddRange((await world.LaunchAsync(ami, 1, "eks-ng-paged", nodegroupTag: "ng-paged")).Select(l => l.InstanceId));
        }

        var filter = new Ec2Filter("tag:" + Ec2Inventory.AutoScalingGroupTagKey, ["eks-ng-paged"]);
        var first = await world.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [filter], MaxResults = 5 });
        var second = await world.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [filter], MaxResults = 5, NextToken = first.NextToken });
        var throughInventory = await new Ec2Inventory(world.Ec2).FindByAutoScalingGroupsAsync(["eks-ng-paged"], CancellationToken.None);

        Assert.Equal(5, first.Instances.Count);
        Assert.NotNull(first.NextToken);
        Assert.Equal(2, second.Instances.Count);
        Assert.Null(second.NextToken);
        Assert.Equal(launched.Order(StringComparer.Ordinal), first.Instances.Concat(second.Instances).Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.Equal(launched.Order(StringComparer.Ordinal), throughInventory.Select(f => f.InstanceId).Order(StringComparer.Ordinal));
        Assert.Equal(3, world.Ec2Calls.Count("DescribeInstances"));
    }

    [Fact]
    public async Task DescribeImages_ImageIdFilter_NameAndDescriptionAsRegistered()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var al2 = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "EKS Kubernetes Worker AMI with AmazonLinux2 image & <containerd>");
        var al2023 = await world.RegisterAmiAsync("amazon-eks-node-al2023-x86_64-standard-1.30-v20250212", "EKS-optimized Kubernetes node based on Amazon Linux 2023");

        var answer = await world.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new("image-id", [al2, al2023, "ami-00000000000000000"])] });

        var expected = new (string ImageId, string? Name, string? Description)[]
        {
            (al2, "amazon-eks-node-1.30-v20250212", "EKS Kubernetes Worker AMI with AmazonLinux2 image & <containerd>"),
            (al2023, "amazon-eks-node-al2023-x86_64-standard-1.30-v20250212", "EKS-optimized Kubernetes node based on Amazon Linux 2023"),
        };
        Assert.Equal(
            expected.OrderBy(i => i.ImageId, StringComparer.Ordinal).ToList(),
            answer.Images.Select(i => (i.ImageId, i.Name, i.Description)).OrderBy(i => i.ImageId, StringComparer.Ordinal).ToList());
        Assert.Null(answer.NextToken);
    }

    [Fact]
    public async Task DescribeImages_FilterMotoDoesNotImplement_BareServerErrorRetriedThenTransient()
    {
        await moto.ResetAsync();
        TestEnvironment.ApplyStaticCredentials();
        using var aws = TestAws.Factory(TestAws.Settings(moto.Endpoint, maxAttempts: 2));

        // moto answers a filter it does not implement with Werkzeug's HTML 500 page, not EC2 XML.
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new("no-such-filter", ["x"])] }));

        Assert.Equal(("ec2", "DescribeImages", 500, "ServiceUnavailable", 2, true), (error.Service, error.Operation, error.StatusCode, error.ErrorCode, error.Attempts, error.IsTransient));
    }

    [Fact]
    public async Task DescribeInstances_ThrottledTwiceByEc2_RetriedAndAnsweredByMoto()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var node = (await world.LaunchAsync(ami, 1, "eks-ng-a", nodegroupTag: "ng-a"))[0];
        await using var proxy = new FaultProxy(moto.Endpoint);
        proxy.Inject("DescribeInstances", Fault.Ec2RequestLimitExceeded(), times: 2);
        using var aws = TestAws.Factory(TestAws.Settings(proxy.Endpoint, maxAttempts: 3));

        var facts = await new Ec2Inventory(aws.Ec2).FindByNodeNamesAsync([node.Node], CancellationToken.None);

        Assert.Equal(node.InstanceId, Assert.Single(facts).InstanceId);
        Assert.Equal(
            ["ec2-request-limit", "ec2-request-limit", null],
            proxy.Requests.Where(r => r.Operation == "DescribeInstances").Select(r => r.Fault));
        Assert.Single(proxy.Forwarded);
    }
}
