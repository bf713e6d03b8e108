using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Tests.Migration;

public sealed class MigrationPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_MigrationEnabledNoCompatibleGroup_OneMigrationAwaitingApprovalWithEveryStage()
    {
        var plan = Decider.Decide(Input("""{ "enabled": true }""", [Al2()]));

        var migrate = Assert.Single(plan.Actions, a => a.Type == ActionTypes.EksMigrateNodegroup);
        Assert.DoesNotContain(plan.Actions, a => a.Type == ActionTypes.EksCreateNodegroup);
        Assert.Equal(ActionStatuses.AwaitingApproval, migrate.Status);
        var p = Assert.IsType<EksMigrateNodegroupParameters>(migrate.Parameters);
        Assert.Equal(("ng-al2-al2023", true, "AL2023_x86_64_STANDARD", "1.30"), (p.TargetNodegroup, p.CreateTarget, p.AmiType, p.KubernetesVersion));
        Assert.Equal((1, 4, 3), (p.MinSize, p.MaxSize, p.DesiredSize));
        Assert.Equal([new("team", "shop")], p.Labels!);
        Assert.Equal([new("dedicated", "shop", "NO_SCHEDULE")], p.Taints!);
        foreach (var stage in new[] { "1 prepare", "2 wait", "3 fence", "4 drain", "5 verify", "6 retire" })
        {
            Assert.Contains(stage, migrate.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_MigrationDisabled_BareCloneAsBefore()
    {
        var plan = Decider.Decide(Input("""{ "enabled": false }""", [Al2()]));

        Assert.Single(plan.Actions, a => a.Type == ActionTypes.EksCreateNodegroup);
        Assert.DoesNotContain(plan.Actions, a => a.Type == ActionTypes.EksMigrateNodegroup);
    }

    [Fact]
    public void Decide_CompatibleGroupWithRoom_MigratesIntoIt()
    {
        var target = new NodegroupInventory { Name = "ng-al2023", AmiType = "AL2023_x86_64_STANDARD", Compatible = true, Status = "ACTIVE", MinSize = 1, MaxSize = 10, DesiredSize = 2 };

        var migrate = Assert.Single(Decider.Decide(Input("""{ "enabled": true }""", [Al2(), target])).Actions, a => a.Type == ActionTypes.EksMigrateNodegroup);

        var p = Assert.IsType<EksMigrateNodegroupParameters>(migrate.Parameters);
        Assert.Equal(("ng-al2023", false, (int?)5), (p.TargetNodegroup, p.CreateTarget, p.TargetDesiredSize));
    }

    [Fact]
    public void Decide_LaunchTemplate_NotMigratedAutomaticallyAndSaysSo()
    {
        var migrate = Assert.Single(Decider.Decide(Input("""{ "enabled": true }""", [Al2() with { UsesLaunchTemplate = true }])).Actions, a => a.Type == ActionTypes.EksMigrateNodegroup);

        Assert.Equal(ActionStatuses.Skipped, migrate.Status);
        Assert.Contains("launch template is not migrated automatically", migrate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MigrationInFlightInTheCluster_SecondWaits()
    {
        var input = Input("""{ "enabled": true }""", [Al2()]);
        input = input with
        {
            State = input.State with { InFlight = [new InFlightAction { ActionId = "m0", Type = ActionTypes.EksMigrateNodegroup, Cluster = "prod", Nodegroup = "ng-other", StartedAt = Now.AddHours(-1) }] },
        };

        var migrate = Assert.Single(Decider.Decide(input).Actions, a => a.Type == ActionTypes.EksMigrateNodegroup);

        Assert.Equal(ActionStatuses.Skipped, migrate.Status);
        Assert.Contains("one node-group rollout per cluster", migrate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MigrationSectionInvalid_NamesTheField()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse("""{ "migration": { "retire": "burn", "drainStep": 0 } }""", "test"));

        Assert.Contains("migration.retire", error.Message, StringComparison.Ordinal);
        Assert.Contains("migration.drainStep", error.Message, StringComparison.Ordinal);
    }

    private static NodegroupInventory Al2() => new()
    {
        Name = "ng-al2", AmiType = "AL2_x86_64", KubernetesVersion = "1.30", Compatible = false, Missing = ["ptrace-get-rseq-conf"], Status = "ACTIVE",
        InstanceTypes = ["m6i.large"], Subnets = ["subnet-0123456789abcdef0"], NodeRole = "arn:aws:iam::123456789012:role/node", CapacityType = "ON_DEMAND",
        MinSize = 1, MaxSize = 4, DesiredSize = 3, Labels = new Dictionary<string, string> { ["team"] = "shop" }, Taints = [new NodegroupTaint("dedicated", "shop", "NO_SCHEDULE")],
        Instances = [new InstanceRef { InstanceId = "i-0123456789abcdef0", Node = "node-a" }],
    };

    private static DecisionInput Input(string migration, IReadOnlyList<NodegroupInventory> nodegroups) => new()
    {
        Findings = [.. Enumerable.Range(0, 3).Select(i => new Finding
        {
            Id = $"f{i}", Verdict = Verdicts.RestoreFailure, Cause = "rseq-ptrace-unsupported", Remedy = RemedyClasses.NodeKernel, Cluster = "prod",
            Pod = $"orders-7d9f8b6c5-x2k4{i}", Node = "node-a", LastTimestamp = Now.AddMinutes(-1).ToUnixTimeMilliseconds(),
        })],
        Inventories = [new ClusterInventory { Cluster = "prod", Nodegroups = nodegroups }],
        Policy = PolicyLoader.Parse($$"""{ "mode": "enforce", "notifications": { "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts" }, "migration": {{migration}} }""", "test"),
        State = StateSnapshot.Empty(Now),
        Now = Now,
    };
}
