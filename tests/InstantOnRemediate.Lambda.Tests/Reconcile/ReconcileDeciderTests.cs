using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Application.Reconcile;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

/// <summary>Reconcile's decisions without I/O: what it reports and which effects it asks for, in order.</summary>
public sealed class ReconcileDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 8, 11, 30, 0, TimeSpan.Zero);

    private static readonly ReconcileContext Context = new(PolicyLoader.LoadDefault().For("prod-eks"), Now, "instanton-remediate", new RunbookLinks());

    private static InFlightAction Label(string id = "a1") => new()
    {
        ActionId = id, Type = "eks-label-nodegroup", Cluster = "prod-eks", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported", Reference = "u-1", StartedAt = Now.AddMinutes(-30),
    };

    [Fact]
    public void Follow_InProgress_ReportedOnlyAndStaysInFlight()
    {
        var decision = ReconcileDecider.Follow([new FollowObservation(Label(), new FollowResult(FollowStatuses.InProgress, "EKS update u-1 is in progress"), null)], Context);

        Assert.Equal("in-progress", Assert.Single(decision.Followed).Status);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void Follow_Failed_AuditedEscalatedOnceAndLeavesTheInFlightList()
    {
        var failed = new FollowResult(FollowStatuses.Failed, "EKS ConfigUpdate u-1 failed: NodeCreationFailure") { Errors = ["NodeCreationFailure"] };

        var decision = ReconcileDecider.Follow([new FollowObservation(Label(), failed, null)], Context);

        Assert.Equal(["AppendAudit", "AppendAudit", "Deliver", "CountMetric", "RemoveInFlight"], decision.Effects.Select(e => e.GetType().Name));
        Assert.Equal("eks-label-nodegroup failed", ((AppendAudit)decision.Effects[0]).Record.What);
        var escalation = Assert.Single(decision.Escalated);
        Assert.Equal(("action-failed", "a1"), (escalation.Kind, escalation.ActionId));
        var deliver = (Deliver)decision.Effects[2];
        Assert.Equal(Now + ReconcileDecider.EscalationClaimLifetime, deliver.Delivery.ExpiresAt);
        Assert.StartsWith("[InstantOn] ESCALATED on prod-eks/ng-al2", deliver.Delivery.Alert.Subject, StringComparison.Ordinal);
        Assert.Equal(new RemoveInFlight("prod-eks", "a1"), decision.Effects[^1]);
    }

    [Fact]
    public void Follow_NotReadToTheEnd_OnlyItsNoteNothingDone()
    {
        var decision = ReconcileDecider.Follow([new FollowObservation(Label(), null, null) { Notes = ["the diagnostics output could not be read"] }], Context);

        Assert.Empty(decision.Followed);
        Assert.Empty(decision.Effects);
        Assert.Equal(["the diagnostics output could not be read"], decision.Notes);
    }

    [Fact]
    public void Follow_DiagnosticsThatChangedTheVerdict_RecordedThenAudited()
    {
        var probe = new NodeProbeRecord { Cluster = "prod-eks", Nodegroup = "ng-al2023", InstanceId = "i-0a1b2c3d4e5f60718", Kernel = "5.10.226-214.880.amzn2.x86_64", At = Now, Source = "diagnostics action a2", CommandId = "c-1" };
        var verdict = new NodeVerdictReport { Nodegroup = "ng-al2023", Kernel = probe.Kernel, Compatible = false, CompatibleBefore = true, Changed = true, Detail = "node group ng-al2023 cannot restore InstantOn" };
        var diagnostics = Label("a2") with { Type = "ssm-run-command", Nodegroup = "ng-al2023", Cause = "unknown", Reference = "c-1" };

        var decision = ReconcileDecider.Follow([new FollowObservation(diagnostics, new FollowResult(FollowStatuses.Successful, "SSM command c-1 succeeded"), verdict) { Probe = probe }], Context);

        Assert.Equal(["RecordNodeProbe", "AppendAudit", "AppendAudit", "RemoveInFlight"], decision.Effects.Select(e => e.GetType().Name));
        Assert.Equal(Now + ProbedInventorySource.RecordLifetime, ((RecordNodeProbe)decision.Effects[0]).ExpiresAt);
        Assert.Equal("node-group verdict from node diagnostics", ((AppendAudit)decision.Effects[1]).Record.What);
        Assert.Empty(decision.Escalated);
        Assert.EndsWith("; node group ng-al2023 cannot restore InstantOn", Assert.Single(decision.Followed).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WorkloadRestoresOnTheTarget_FixRecordedAuditedAnnouncedInThatOrder()
    {
        var action = new ExecutedRemediation { ActionId = "a1", Type = "eks-label-nodegroup", Cluster = "prod-eks", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported", At = Now.AddMinutes(-20) };
        var success = new RestoreSighting { Verdict = Verdicts.RestoreSuccess, Cause = "none", Namespace = "shop", Pod = "orders-7d9f8b6c5-m8p2z", Nodegroup = "ng-al2023", At = Now.AddMinutes(-5), Source = "logs" };

        var decision = ReconcileDecider.Verify(
            [new VerifyObservation(action, new HashSet<string>(["orders"], StringComparer.Ordinal), new HashSet<string>(["ng-al2023"], StringComparer.Ordinal))], [success], Context);

        Assert.Equal("verified", Assert.Single(decision.Verified).Status);
        Assert.Equal(["RecordVerifiedFix", "AppendAudit", "Deliver", "CountMetric"], decision.Effects.Select(e => e.GetType().Name));
        var suppress = Context.Policy.Cooldowns.SuppressAfterVerifiedFixMinutes;
        Assert.Equal(Now.AddMinutes(suppress), ((RecordVerifiedFix)decision.Effects[0]).ExpiresAt);
        Assert.StartsWith("[InstantOn] RESOLVED", ((Deliver)decision.Effects[2]).Delivery.Alert.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void OverdueApprovals_OnlyUnapprovedPastTheTimeout_ReportedAndAuditedOnlyIfClaimed()
    {
        var timeout = Context.Policy.Escalation.ApprovalTimeoutMinutes;
        ApprovalRecord[] approvals =
        [
            new() { ActionId = "late", Cluster = "prod-eks", PendingSince = Now.AddMinutes(-timeout - 1) },
            new() { ActionId = "recent", Cluster = "prod-eks", PendingSince = Now.AddMinutes(-1) },
            new() { ActionId = "approved", Cluster = "prod-eks", PendingSince = Now.AddMinutes(-timeout - 60), ApprovedBy = "alice" },
        ];

        var decision = ReconcileDecider.OverdueApprovals("prod-eks", approvals, Context);

        var deliver = Assert.IsType<Deliver>(Assert.Single(decision.Effects));
        Assert.Empty(decision.Escalated); // only once the claim is taken
        Assert.Equal(("approval-overdue", "late"), (deliver.ReportIfClaimed!.Kind, deliver.ReportIfClaimed.ActionId));
        Assert.Equal("approval escalated", Assert.IsType<AppendAudit>(Assert.Single(deliver.IfClaimed!)).Record.What);
    }

    [Fact]
    public void Audit_IncompatibleGroup_OneAlertPerAmiReleaseAndCooldown()
    {
        var inventory = NodegroupAssessor.Default.Assess(new ClusterInventory
        {
            Cluster = "prod-eks",
            Nodegroups =
            [
                new NodegroupInventory { Name = "ng-al2", AmiType = "AL2_x86_64", ReleaseVersion = "1.30.9-20250212", KubernetesVersion = "1.30", Instances = [new InstanceRef { InstanceId = "i-0a1b2c3d4e5f60718" }] },
                new NodegroupInventory { Name = "ng-al2023", AmiType = "AL2023_x86_64_STANDARD", ReleaseVersion = "1.30.9-20250212", KubernetesVersion = "1.30", Instances = [new InstanceRef { InstanceId = "i-0a1b2c3d4e5f60719" }] },
            ],
        });

        var decision = ReconcileDecider.Audit("prod-eks", CompatibilityAudit.Default.Audit([inventory]), ["shop/orders"], Context);

        Assert.Equal(["EmitMetrics", "Deliver"], decision.Effects.Select(e => e.GetType().Name));
        var group = Assert.Single(Assert.Single(decision.Audit).IncompatibleNodegroups);
        Assert.Equal(("ng-al2", false), (group.Nodegroup, group.Alerted)); // alerted only once the claim is taken
        var deliver = (Deliver)decision.Effects[1];
        Assert.Equal(group.AlertClaimId, deliver.Delivery.ClaimId);
        Assert.Equal(Now.AddMinutes(Context.Policy.Cooldowns.AfterActionMinutes), deliver.Delivery.ExpiresAt);
        Assert.Equal(["ng-al2023"], group.CompatibleNodegroups);
    }
}
