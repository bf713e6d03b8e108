using InstantOnRemediate.Core.Events;

namespace InstantOnRemediate.Core.Tests.Events;

public sealed class FleetAggregatorTests
{
    private const string Payments = "111111111111";
    private const string Search = "222222222222";

    /// <summary>
    /// Two accounts. Payments: prod/ng-al2 fails (rseq, AL2 5.10) and is verdict-incompatible; prod/ng-al2023 is
    /// compatible. Search: eu cluster ng-al2 fails, then a fix is verified there and it becomes compatible;
    /// search/ng-bottlerocket has an open pod-spec episode only (a pod problem, not the node group).
    /// </summary>
    private static List<RemediationEventDetail> Fleet()
    {
        var t = SampleEvents.T0;
        var paymentsAl2 = SampleEvents.Scope(Payments, "prod", "ng-al2");
        var paymentsNew = SampleEvents.Scope(Payments, "prod", "ng-al2023");
        var searchAl2 = SampleEvents.Scope(Search, "search", "ng-al2", "eu-west-1");
        var searchBr = SampleEvents.Scope(Search, "search", "ng-bottlerocket", "eu-west-1");
        return
        [
            RemediationEvents.RestoreFailureGroup(paymentsAl2, t, "rseq-ptrace-unsupported", "node-kernel", 7, 3, null, "p1", "recommend").Detail,
            RemediationEvents.NodegroupVerdictChanged(paymentsAl2, t.AddMinutes(1), SampleEvents.Al2Incompatible, null).Detail,
            RemediationEvents.NodegroupVerdictChanged(paymentsNew, t.AddMinutes(1), SampleEvents.Al2023Compatible, null).Detail,
            RemediationEvents.Escalation(paymentsAl2, t.AddMinutes(40), EventSeverities.High, "approval timed out", "rseq-ptrace-unsupported").Detail,
            RemediationEvents.RestoreFailureGroup(searchAl2, t.AddMinutes(2), "rseq-ptrace-unsupported", "node-kernel", 2, 1, null, "p2", "enforce").Detail,
            RemediationEvents.MigrationStage(searchAl2, t.AddMinutes(10), "m1", "workloads-steered", "ok").Detail,
            RemediationEvents.FixVerified(searchAl2, t.AddMinutes(20), "rseq-ptrace-unsupported", "restores succeed", verdict: SampleEvents.Al2023Compatible).Detail,
            RemediationEvents.RestoreFailureGroup(searchBr, t.AddMinutes(5), "missing-capability", "pod-spec", 1, 1, null, "p3", "enforce").Detail,
        ];
    }

    [Fact]
    public void Fold_TwoAccounts_AnswersWhichNodegroupsCannotRestore()
    {
        var view = FleetAggregator.Fold(Fleet());

        var cannot = view.Nodegroups.Where(n => n.CanRestore == false).Select(n => (n.Account, n.Cluster, n.Nodegroup)).ToList();
        Assert.Equal([(Payments, "prod", "ng-al2")], cannot);
        Assert.Equal(2, view.Summary.Accounts);
        Assert.Equal(4, view.Summary.Nodegroups);
        Assert.Equal(1, view.Summary.CannotRestore);
        var al2 = view.Nodegroups.Single(n => n.Account == Payments && n.Nodegroup == "ng-al2");
        Assert.StartsWith("verdict incompatible (ami-catalog; lacks ptrace-get-rseq-configuration)", al2.Why, StringComparison.Ordinal);
        Assert.True(Assert.Single(al2.OpenEpisodes).Escalated);
        var fixedOne = view.Nodegroups.Single(n => n.Account == Search && n.Nodegroup == "ng-al2");
        Assert.True(fixedOne.CanRestore);
        Assert.Empty(fixedOne.OpenEpisodes);
        Assert.Equal("workloads-steered", fixedOne.MigrationStage);
        var podSide = view.Nodegroups.Single(n => n.Nodegroup == "ng-bottlerocket");
        Assert.Null(podSide.CanRestore);
        Assert.Equal("missing-capability", Assert.Single(podSide.OpenEpisodes).Cause);
    }

    [Fact]
    public void Fold_NodeSideEpisodeWithoutVerdict_CannotRestore()
    {
        var scope = SampleEvents.Scope(Payments, "prod", "ng-custom");
        var view = FleetAggregator.Fold([RemediationEvents.RestoreFailureGroup(scope, SampleEvents.T0, "ptrace-restricted", "node-config", 3, 2, null, "p", "observe").Detail]);

        var ng = Assert.Single(view.Nodegroups);
        Assert.False(ng.CanRestore);
        Assert.Contains("ptrace-restricted (node-config)", ng.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Fold_ShuffledAndDuplicated_SameView()
    {
        var events = Fleet();
        var expected = RemediationEventJson.Fleet(FleetAggregator.Fold(events));
        var shuffled = events.Concat(events.Take(3)).Reverse().ToList();

        var view = FleetAggregator.Fold(shuffled);

        Assert.Equal(3, view.Summary.Duplicates);
        Assert.Equal(expected, RemediationEventJson.Fleet(view with { Summary = view.Summary with { Duplicates = 0 } }));
    }

    [Fact]
    public void Parse_EnvelopesAndBareDetailsAsLines_EnvelopeAccountWinsForeignSkipped()
    {
        var detail = RemediationEventJson.Detail(Fleet()[0]);
        var text = string.Join("\n",
            $$"""{"id":"e1","source":"instanton-remediate","detail-type":"InstantOn Restore Failure Group","account":"333333333333","region":"us-west-2","time":"2026-12-03T08:00:00Z","detail":{{detail}}}""",
            detail,
            """{"id":"e2","source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{"state":"running"}}""",
            "not json",
            "");

        var (details, skipped) = CentralEvents.Parse(text);

        Assert.Equal([("333333333333", "us-west-2"), (Payments, "us-east-1")], details.Select(d => (d.Account, d.Region)));
        Assert.Equal(2, skipped.Count);
        Assert.Contains("aws.ec2", skipped[0], StringComparison.Ordinal);
        Assert.StartsWith("item 4: unreadable JSON", skipped[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonArray_Read()
    {
        var text = "[" + string.Join(",", Fleet().Select(RemediationEventJson.Detail)) + "]";

        var (details, skipped) = CentralEvents.Parse(text);

        Assert.Equal(8, details.Count);
        Assert.Empty(skipped);
    }
}
