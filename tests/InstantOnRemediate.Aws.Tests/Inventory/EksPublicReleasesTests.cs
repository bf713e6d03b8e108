using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

[Collection(InventoryMotoCollection.Name)]
public sealed class EksPublicReleasesTests(MotoServer moto)
{
    // SSM refuses to create parameters under /aws/ (moto too, like AWS), so the public tree is mirrored under a private root.
    private const string Root = "/mirror/aws/service";

    [Fact]
    public async Task NewestCompatibleAsync_Al2Group_PointsAtNewestAl2023ReleaseAndCaches()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        await world.Ssm.PutParameterAsync(new PutParameterRequest
        {
            Name = Root + "/eks/optimized-ami/1.30/amazon-linux-2023/x86_64/standard/recommended/release_version",
            Value = "1.30.14-20251120",
            Type = Amazon.SimpleSystemsManagement.ParameterType.String,
        });
        await world.Ssm.PutParameterAsync(new PutParameterRequest
        {
            Name = Root + "/eks/optimized-ami/1.30/amazon-linux-2/recommended/release_version",
            Value = "1.30.14-20251120",
            Type = Amazon.SimpleSystemsManagement.ParameterType.String,
        });
        var releases = new EksPublicReleases(world.Ssm, new ManualTime(), TimeSpan.FromMinutes(10), NodegroupAssessor.Default, Root);
        var al2 = new NodegroupInventory { Name = "ng-al2-general", AmiType = "AL2_x86_64", KubernetesVersion = "1.30", ReleaseVersion = "1.30.9-20250212" };

        var newest = await releases.NewestCompatibleAsync(al2, CancellationToken.None);
        await releases.NewestCompatibleAsync(al2, CancellationToken.None);

        Assert.NotNull(newest);
        Assert.Equal(("AL2023_x86_64_STANDARD", "1.30.14-20251120", "6.1", true), (newest.AmiType, newest.ReleaseVersion, newest.Kernel, newest.Compatible));
        Assert.Equal(2, world.SsmCalls.Count("GetParameter"));
    }

    [Fact]
    public async Task NewestAsync_BottlerocketParameterMissing_ReturnsNoRelease()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var releases = new EksPublicReleases(world.Ssm, new ManualTime(), TimeSpan.FromMinutes(10), NodegroupAssessor.Default, Root);

        var result = await releases.NewestAsync("BOTTLEROCKET_x86_64", "1.30", CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(Root + "/bottlerocket/aws-k8s-1.30/x86_64/latest/image_version", result.Parameter);
        Assert.Null(result.ReleaseVersion);
        Assert.Null(result.Compatible);
    }
}
