using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Tests.Planning;

public sealed class DeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_SameInputShuffled_SamePlan()
    {
        var input = DecisionScenario.All().Single(s => s.Name == "storm-within-caps").LoadInput();
        var shuffled = input with { Findings = [.. input.Findings.Reverse()], State = input.State with { RecentFailures = [.. input.State.RecentFailures.Reverse()] } };

        Assert.Equal(DecisionScenario.Serialize(Decider.Decide(input)), DecisionScenario.Serialize(Decider.Decide(shuffled)));
    }

    [Fact]
    public void Decide_NodegroupNameFromLogIsInvalid_ActionSkippedNothingPassedThrough()
    {
        var hostile = "ng-al2; aws eks delete-cluster";
        var input = Input([Ng(hostile)], Failures(3, cause: "rseq-ptrace-unsupported", remedy: RemedyClasses.NodeKernel, ng: hostile));

        var plan = Decider.Decide(input);

        var label = Assert.Single(plan.Actions, a => a.Type == ActionTypes.EksLabelNodegroup);
        Assert.Equal(ActionStatuses.Skipped, label.Status);
        Assert.Contains("is not valid", label.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Actions, a => a.Status != ActionStatuses.Skipped && a.Type != ActionTypes.Notify);
    }

    [Fact]
    public void Decide_RolloutAlreadyInFlight_NewCloneSkipped()
    {
        var state = StateSnapshot.Empty(Now) with
        {
            InFlight = [new InFlightAction { ActionId = "a1", Type = ActionTypes.EksCreateNodegroup, Cluster = "prod", Nodegroup = "ng-other", StartedAt = Now.AddMinutes(-10) }],
        };
        var input = Input([Ng("ng-al2")], Failures(3, "rseq-ptrace-unsupported", RemedyClasses.NodeKernel, "ng-al2")) with { State = state };

        var rollout = Assert.Single(Decider.Decide(input).Actions, a => a.Type is ActionTypes.EksCreateNodegroup or ActionTypes.EksMigrateNodegroup);

        Assert.Equal(ActionStatuses.Skipped, rollout.Status);
        Assert.Contains("rollout", rollout.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ObserveMode_OnlyAlertsAreLive()
    {
        var input = Input([Ng("ng-al2")], Failures(3, "rseq-ptrace-unsupported", RemedyClasses.NodeKernel, "ng-al2"));
        input = input with { Policy = input.Policy.WithModeCap(Modes.Observe) };

        var plan = Decider.Decide(input);

        Assert.All(plan.Actions.Where(a => a.Type != ActionTypes.Notify), a => Assert.Equal(ActionStatuses.Skipped, a.Status));
        Assert.True(ExecutionRule.ShouldExecute(Assert.Single(plan.Actions, a => a.Type == ActionTypes.Notify)));
        Assert.DoesNotContain(plan.Actions, a => a.Type != ActionTypes.Notify && ExecutionRule.ShouldExecute(a));
    }

    [Fact]
    public void Decide_RememberedFailuresOutsideWindow_DoNotCount()
    {
        var old = Enumerable.Range(0, 5).Select(i => new FailureObservation
        {
            FindingId = $"old-{i}", Cluster = "prod", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported", Pod = $"p{i}", At = Now.AddHours(-2),
        }).ToList();
        var input = Input([Ng("ng-al2")], Failures(1, "rseq-ptrace-unsupported", RemedyClasses.NodeKernel, "ng-al2")) with
        {
            State = StateSnapshot.Empty(Now) with { RecentFailures = old },
        };

        var plan = Decider.Decide(input);

        var only = Assert.Single(plan.Actions, a => a.Type != ActionTypes.Notify);
        Assert.Equal(ActionTypes.None, only.Type);
        Assert.Contains("threshold not reached", only.Reason, StringComparison.Ordinal);
        // The alert counts only this batch's failure: the remembered ones are outside the window.
        var alert = Assert.Single(plan.Actions, a => a.Type == ActionTypes.Notify);
        Assert.Equal(1, Assert.IsType<NotifyParameters>(alert.Parameters).Failures);
    }

    [Theory]
    [InlineData("NODE-OF-6")]
    [InlineData("i-0123456789abcdef0.us-east-1.compute.internal")]
    public void Decide_UncorrelatedNodeNamedAsTheCorrelatorFindsIt_PlacedInItsNodegroup(string node)
    {
        var findings = Failures(3, "rseq-ptrace-unsupported", RemedyClasses.NodeKernel, "ng-al2").Select(f => f with { Node = node }).ToList();

        var label = Assert.Single(Decider.Decide(Input([Ng("ng-al2")], findings)).Actions, a => a.Type == ActionTypes.EksLabelNodegroup);

        Assert.Equal("ng-al2", label.Target.Nodegroup);
        Assert.NotEqual(ActionStatuses.Skipped, label.Status);
    }

    [Theory]
    [InlineData(true, KernelSources.AmiCatalog, true)]
    [InlineData(null, KernelSources.Unknown, true)]
    [InlineData(true, KernelSources.SsmProbe, false)]
    [InlineData(false, KernelSources.AmiCatalog, false)]
    public void Decide_KernelCauseOnAGroupWhoseVerdictIsOnlyInferred_DiagnosticsAskTheNode(bool? compatible, string source, bool diagnosed)
    {
        var ng = Ng("ng-al2") with { Compatible = compatible, KernelSource = source, Missing = compatible == false ? ["ptrace-get-rseq-conf"] : [] };
        var input = Input([ng], Failures(3, "rseq-ptrace-unsupported", RemedyClasses.NodeKernel, "ng-al2"));
        input = input with { Policy = PolicyLoader.Parse("""
            { "mode": "enforce", "notifications": { "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts" },
              "ssm": { "diagnostics": { "document": null, "external": true, "name": "Ops-NodeDiagnostics", "description": "read-only node facts" } } }
            """, "test") };

        var plan = Decider.Decide(input);

        var diagnostics = plan.Actions.Where(a => a.Type == ActionTypes.SsmRunCommand).ToList();
        Assert.Equal(diagnosed, diagnostics.Count == 1);
        if (diagnosed)
        {
            var parameters = Assert.IsType<SsmRunCommandParameters>(diagnostics[0].Parameters);
            Assert.Equal(("Ops-NodeDiagnostics", true), (parameters.DocumentName, parameters.ReadOnly));
            Assert.Equal(["i-0123456789abcdef0"], diagnostics[0].Target.InstanceIds);
        }
    }

    private static DecisionInput Input(IReadOnlyList<NodegroupInventory> nodegroups, IReadOnlyList<Finding> findings) => new()
    {
        Findings = findings,
        Inventories = [new ClusterInventory { Cluster = "prod", Nodegroups = nodegroups }],
        Policy = PolicyLoader.Parse("""{ "mode": "enforce", "notifications": { "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts" } }""", "test"),
        State = StateSnapshot.Empty(Now),
        Now = Now,
    };

    private static NodegroupInventory Ng(string name) => new()
    {
        Name = name, AmiType = "AL2_x86_64", Compatible = false, Missing = ["ptrace-get-rseq-conf"], Status = "ACTIVE",
        InstanceTypes = ["m6i.large"], Subnets = ["subnet-0123456789abcdef0"], NodeRole = "arn:aws:iam::123456789012:role/node",
        Instances = [new InstanceRef { InstanceId = "i-0123456789abcdef0", Node = $"node-of-{name.Length}" }],
    };

    private static List<Finding> Failures(int count, string cause, string remedy, string ng) =>
        [.. Enumerable.Range(0, count).Select(i => new Finding
        {
            Id = $"f{i}", Verdict = Verdicts.RestoreFailure, Cause = cause, Remedy = remedy, Cluster = "prod",
            Pod = $"pod-{i}", Node = $"node-of-{ng.Length}", LastTimestamp = Now.AddMinutes(-1).ToUnixTimeMilliseconds(),
        })];
}
