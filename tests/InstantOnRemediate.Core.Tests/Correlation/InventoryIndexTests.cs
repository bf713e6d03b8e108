using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class InventoryIndexTests
{
    private static readonly ClusterInventory Inventory = new()
    {
        Cluster = "prod-eks",
        Nodegroups =
        [
            new NodegroupInventory
            {
                Name = "ng-a",
                Instances =
                [
                    new InstanceRef { InstanceId = "i-0aaaaaaaaaaaaaaa1", Node = "ip-10-0-0-1.us-west-2.compute.internal" },
                    new InstanceRef { InstanceId = "i-0aaaaaaaaaaaaaaa2", Node = "ip-10-0-0-2.us-west-2.compute.internal" },
                    new InstanceRef { InstanceId = "i-0aaaaaaaaaaaaaaa3" },
                    new InstanceRef { InstanceId = "i-0aaaaaaaaaaaaaaa4", Node = "" },
                ],
            },
            new NodegroupInventory
            {
                Name = "ng-b",
                Instances =
                [
                    // Claims a node name ng-a already holds: the first instance in inventory order keeps it.
                    new InstanceRef { InstanceId = "i-0bbbbbbbbbbbbbbb1", Node = "ip-10-0-0-2.us-west-2.compute.internal" },
                    // Named after another instance's id: that instance keeps the name.
                    new InstanceRef { InstanceId = "i-0bbbbbbbbbbbbbbb2", Node = "i-0aaaaaaaaaaaaaaa1" },
                    new InstanceRef { InstanceId = "i-0bbbbbbbbbbbbbbb3", Node = "i-0bbbbbbbbbbbbbbb3" },
                ],
            },
        ],
    };

    [Theory]
    [InlineData("ip-10-0-0-1.us-west-2.compute.internal", "ng-a", "i-0aaaaaaaaaaaaaaa1")]
    [InlineData("IP-10-0-0-1.US-WEST-2.COMPUTE.INTERNAL", "ng-a", "i-0aaaaaaaaaaaaaaa1")]
    [InlineData("i-0aaaaaaaaaaaaaaa3", "ng-a", "i-0aaaaaaaaaaaaaaa3")]
    [InlineData("i-0aaaaaaaaaaaaaaa4", "ng-a", "i-0aaaaaaaaaaaaaaa4")]
    [InlineData("i-0bbbbbbbbbbbbbbb3", "ng-b", "i-0bbbbbbbbbbbbbbb3")]
    [InlineData("i-0bbbbbbbbbbbbbbb1", "ng-b", "i-0bbbbbbbbbbbbbbb1")]
    [InlineData("i-0aaaaaaaaaaaaaaa3.us-west-2.compute.internal", "ng-a", "i-0aaaaaaaaaaaaaaa3")]
    public void TryFind_NodeNameInstanceIdOrResourceName_FindsNodegroupAndInstance(string node, string nodegroup, string instanceId)
    {
        Assert.True(InventoryIndex.Of(Inventory).TryFind(node, out var ng, out var instance));
        Assert.Equal((nodegroup, instanceId), (ng.Name, instance.InstanceId));
        Assert.Same(Inventory.Nodegroups.Single(n => n.Name == nodegroup), ng);
    }

    [Theory]
    [InlineData("ip-10-0-0-2.us-west-2.compute.internal", "i-0aaaaaaaaaaaaaaa2")]
    [InlineData("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa1")]
    public void TryFind_NameClaimedTwice_FirstInstanceInInventoryOrderKeepsIt(string node, string instanceId)
    {
        Assert.True(InventoryIndex.Of(Inventory).TryFind(node, out var ng, out var instance));
        Assert.Equal(("ng-a", instanceId), (ng.Name, instance.InstanceId));
    }

    [Theory]
    [InlineData("ip-10-9-9-9.us-west-2.compute.internal")]
    [InlineData("i-0ccccccccccccccc1")]
    [InlineData("i-0ccccccccccccccc1.us-west-2.compute.internal")]
    [InlineData("ip-10-0-0-1")]
    [InlineData("x-0aaaaaaaaaaaaaaa3.us-west-2.compute.internal")]
    [InlineData(".i-0aaaaaaaaaaaaaaa3")]
    [InlineData("")]
    public void TryFind_NodeNotInInventory_NotFound(string node)
    {
        Assert.False(InventoryIndex.Of(Inventory).TryFind(node, out var ng, out var instance));
        Assert.Null(ng);
        Assert.Null(instance);
    }

    [Fact]
    public void TryFind_EmptyInventory_NotFound()
    {
        Assert.False(InventoryIndex.Of(new ClusterInventory { Cluster = "empty" }).TryFind("i-0aaaaaaaaaaaaaaa1", out _, out _));
    }

    [Fact]
    public void Of_SameInventoryInstance_BuildsOnceAndSharesTheIndex()
    {
        var inventory = Inventory with { };
        var indexes = new InventoryIndex[64];

        Parallel.For(0, indexes.Length, i => indexes[i] = InventoryIndex.Of(inventory));

        Assert.All(indexes, index => Assert.Same(indexes[0], index));
        Assert.Same(indexes[0], InventoryIndex.Of(inventory));
    }

    [Fact]
    public void Of_InventoryChangedWithWith_IndexesTheNewNodegroups()
    {
        var before = InventoryIndex.Of(Inventory);
        var moved = Inventory with
        {
            Nodegroups = [new NodegroupInventory { Name = "ng-c", Instances = [new InstanceRef { InstanceId = "i-0ccccccccccccccc1", Node = "ip-10-0-0-1.us-west-2.compute.internal" }] }],
        };

        var after = InventoryIndex.Of(moved);

        Assert.NotSame(before, after);
        Assert.True(after.TryFind("ip-10-0-0-1.us-west-2.compute.internal", out var ng, out var instance));
        Assert.Equal(("ng-c", "i-0ccccccccccccccc1"), (ng.Name, instance.InstanceId));
        Assert.False(after.TryFind("i-0aaaaaaaaaaaaaaa1", out _, out _));
        Assert.True(before.TryFind("ip-10-0-0-1.us-west-2.compute.internal", out var old, out _));
        Assert.Equal("ng-a", old.Name);
    }
}
