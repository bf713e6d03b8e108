using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Eks;

/// <summary>The EKS client against moto_server's EKS (create/list/describe/update-config/delete node groups).</summary>
[Collection(MotoCollection.Name)]
public sealed class EksMotoTests(MotoServer moto)
{
    private const string NodeRole = "arn:aws:iam::123456789012:role/eks-node";

    private AwsClientFactory Aws() => new(
        AwsSettings.FromEnvironment(name => name switch
        {
            "AWS_REGION" => MotoServer.Region,
            "AWS_ENDPOINT_URL_EKS" => moto.Endpoint.ToString(),
            "AWS_ENDPOINT_URL" => "http://127.0.0.1:1",
            _ => null,
        }),
        TimeProvider.System,
        new FixedJitter(0));

    private async Task<string> CreateClusterAsync()
    {
        var name = "c" + Guid.NewGuid().ToString("N")[..12];
        await Boto3Script.RunAsync(moto.Endpoint, $"""
            boto3.client('eks').create_cluster(name='{name}', version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster',
                resourcesVpcConfig=dict(subnetIds=['subnet-0a1b2c3d', 'subnet-0e1f2a3b']))
            """);
        return name;
    }

    [Fact]
    public async Task NodegroupLifecycle_CreateListDescribeUpdateConfigDelete_ReflectedByMoto()
    {
        TestEnvironment.ApplyStaticCredentials();
        var cluster = await CreateClusterAsync();
        using var aws = Aws();
        var eks = aws.Eks;

        foreach (var name in new[] { "ng-al2", "ng-al2023", "ng-spare" })
        {
            var created = await eks.CreateNodegroupAsync(new()
            {
                ClusterName = cluster,
                NodegroupName = name,
                Subnets = ["subnet-0a1b2c3d"],
                NodeRole = NodeRole,
                ScalingConfig = new() { MinSize = 1, MaxSize = 3, DesiredSize = 2 },
                AmiType = name == "ng-al2" ? "AL2_x86_64" : "AL2023_x86_64_STANDARD",
                Labels = new() { ["team"] = "payments" },
                ClientRequestToken = "create-" + name,
            });
            Assert.Equal(name, created.Nodegroup!.NodegroupName);
        }

        var all = await eks.ListAllNodegroupsAsync(cluster);
        Assert.Equal(["ng-al2", "ng-al2023", "ng-spare"], all.Order(StringComparer.Ordinal));

        var firstPage = await eks.ListNodegroupsAsync(new() { ClusterName = cluster, MaxResults = 2 });
        var secondPage = await eks.ListNodegroupsAsync(new() { ClusterName = cluster, MaxResults = 2, NextToken = firstPage.NextToken });
        Assert.Equal(2, firstPage.Nodegroups.Count);
        Assert.NotNull(firstPage.NextToken);
        Assert.Equal(all.Order(StringComparer.Ordinal), firstPage.Nodegroups.Concat(secondPage.Nodegroups).Order(StringComparer.Ordinal));

        var update = await eks.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = cluster,
            NodegroupName = "ng-al2",
            Labels = new() { AddOrUpdateLabels = new() { ["instanton.criu/compatible"] = "false" }, RemoveLabels = ["team"] },
            Taints = new() { AddOrUpdateTaints = [new() { Key = "instanton.criu/incompatible", Value = "rseq", Effect = TaintEffects.NoExecute }] },
            ClientRequestToken = "plan-1-label",
        });
        Assert.NotNull(update.Update?.Id);

        var described = (await eks.DescribeNodegroupAsync(new() { ClusterName = cluster, NodegroupName = "ng-al2" })).Nodegroup!;
        Assert.Equal(new Dictionary<string, string> { ["instanton.criu/compatible"] = "false" }, described.Labels);
        Assert.Equal(new Taint { Key = "instanton.criu/incompatible", Value = "rseq", Effect = "NO_EXECUTE" }, Assert.Single(described.Taints));
        Assert.Equal("AL2_x86_64", described.AmiType);
        Assert.NotNull(described.CreatedAt);

        var clusterInfo = (await eks.DescribeClusterAsync(new() { Name = cluster })).Cluster!;
        Assert.Equal((cluster, "1.30"), (clusterInfo.Name, clusterInfo.Version));

        await eks.DeleteNodegroupAsync(new() { ClusterName = cluster, NodegroupName = "ng-spare" });
        Assert.DoesNotContain("ng-spare", await eks.ListAllNodegroupsAsync(cluster));
    }

    [Fact]
    public async Task DescribeNodegroup_Missing_NotFoundKind()
    {
        TestEnvironment.ApplyStaticCredentials();
        var cluster = await CreateClusterAsync();
        using var aws = Aws();

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.DescribeNodegroupAsync(new() { ClusterName = cluster, NodegroupName = "absent" }));

        Assert.Equal(EksErrorKind.NotFound, error.Kind);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task CreateNodegroup_NameTaken_InUseKind()
    {
        TestEnvironment.ApplyStaticCredentials();
        var cluster = await CreateClusterAsync();
        using var aws = Aws();
        var request = new CreateNodegroupRequest { ClusterName = cluster, NodegroupName = "ng", Subnets = ["subnet-0a1b2c3d"], NodeRole = NodeRole };
        await aws.Eks.CreateNodegroupAsync(request);

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.CreateNodegroupAsync(request));

        Assert.Equal(EksErrorKind.InUse, error.Kind);
    }
}
