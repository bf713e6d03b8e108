using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Tests.Actions;

/// <summary>eks-migrate-nodegroup's executor at the request level: prepare (create or scale the target), retire, rollback.</summary>
public sealed class EksMigrateNodegroupExecutorTests
{
    private static readonly EksMigrateNodegroupParameters Clone = new()
    {
        TargetNodegroup = "ng-al2-al2023", CreateTarget = true, AmiType = "AL2023_x86_64_STANDARD", KubernetesVersion = "1.30",
        InstanceTypes = ["m5.xlarge"], Subnets = ["subnet-0a1b2c3d4e5f60001"], NodeRole = "arn:aws:iam::111122223333:role/node", CapacityType = "ON_DEMAND",
        Labels = new Dictionary<string, string> { ["team"] = "shop" }, Taints = [new("dedicated", "shop", "NO_SCHEDULE")], MinSize = 1, MaxSize = 4, DesiredSize = 2,
        Fence = "taint", FenceKey = "instanton.openliberty.io/restore-incompatible", FenceValue = "true", FenceEffect = "NO_SCHEDULE",
    };

    [Fact]
    public async Task Execute_CreateTarget_ClonesTheOldGroupWithTheCompatibleAmiTypeAndTag()
    {
        var eks = new RecordingEks();
        var action = PlanActions.Create(ActionTypes.EksMigrateNodegroup, parameters: Clone, disruptive: true);

        var outcome = await new EksMigrateNodegroupExecutor(eks).ExecuteAsync(action);

        Assert.Equal((ActionStatuses.Executed, "ng-al2-al2023"), (outcome.Status, outcome.Reference));
        var request = eks.Single<CreateNodegroupRequest>();
        Assert.Equal(("AL2023_x86_64_STANDARD", "1.30", "ON_DEMAND"), (request.AmiType, request.Version, request.CapacityType));
        Assert.Equal((1, 4, 2), (request.ScalingConfig!.MinSize, request.ScalingConfig.MaxSize, request.ScalingConfig.DesiredSize));
        Assert.Equal("shop", request.Labels!["team"]);
        Assert.Equal(("dedicated", "shop", "NO_SCHEDULE"), (request.Taints![0].Key, request.Taints[0].Value, request.Taints[0].Effect));
        Assert.Equal(action.Id, request.Tags![EksCreateNodegroupExecutor.CreatedByTag]);
    }

    [Fact]
    public async Task Execute_ExistingTarget_ScalesItUp()
    {
        var eks = new RecordingEks();
        var parameters = Clone with { TargetNodegroup = "ng-al2023", CreateTarget = false, TargetDesiredSize = 4 };

        var outcome = await new EksMigrateNodegroupExecutor(eks).ExecuteAsync(PlanActions.Create(ActionTypes.EksMigrateNodegroup, parameters: parameters, disruptive: true));

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var request = eks.Single<UpdateNodegroupConfigRequest>();
        Assert.Equal(("ng-al2023", 4), (request.NodegroupName, request.ScalingConfig!.DesiredSize));
        Assert.Empty(eks.Requests.OfType<CreateNodegroupRequest>());
    }

    [Fact]
    public async Task Retire_GroupNotDrained_NotDeleted()
    {
        var eks = new RecordingEks { Described = new Nodegroup { NodegroupName = "ng-al2", ScalingConfig = new() { DesiredSize = 1 } } };
        var retire = PlanActions.Create(ActionTypes.EksMigrateNodegroup, parameters: new EksMigrateNodegroupParameters { Stage = EksMigrateNodegroupParameters.RetireStage, TargetNodegroup = "ng-al2-al2023" }, disruptive: true);

        var outcome = await new EksMigrateNodegroupExecutor(eks).ExecuteAsync(retire);

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Empty(eks.Requests.OfType<DeleteNodegroupRequest>());
    }

    [Fact]
    public async Task Undo_FencedAndDrained_RestoresScalingRemovesTaintKeepsTargetUnlessAsked()
    {
        var eks = new RecordingEks
        {
            Described = new Nodegroup
            {
                NodegroupName = "ng-al2", ScalingConfig = new() { MinSize = 0, MaxSize = 4, DesiredSize = 0 },
                Taints = [new Taint { Key = "instanton.openliberty.io/restore-incompatible", Value = "true", Effect = "NO_SCHEDULE" }],
            },
        };
        var action = PlanActions.Create(ActionTypes.EksMigrateNodegroup, parameters: Clone, disruptive: true);

        var outcome = await new EksMigrateNodegroupExecutor(eks).UndoAsync(action, UndoOptions.Reversible);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var request = eks.Single<UpdateNodegroupConfigRequest>();
        Assert.Equal((1, 4, 2), (request.ScalingConfig!.MinSize, request.ScalingConfig.MaxSize, request.ScalingConfig.DesiredSize));
        Assert.Equal("instanton.openliberty.io/restore-incompatible", Assert.Single(request.Taints!.RemoveTaints!).Key);
        Assert.Empty(eks.Requests.OfType<DeleteNodegroupRequest>());
        Assert.Contains("deleting it needs an explicit rollback request", outcome.Reason, StringComparison.Ordinal);
    }
}
