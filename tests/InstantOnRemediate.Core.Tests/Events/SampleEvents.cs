using InstantOnRemediate.Core.Events;

namespace InstantOnRemediate.Core.Tests.Events;

/// <summary>One event of every kind, and a two-account fleet story, for the schema and fold tests.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    public static EventScope Scope(string account, string cluster, string? nodegroup, string region = "us-east-1") =>
        new() { Account = account, Region = region, Cluster = cluster, Nodegroup = nodegroup };

    public static readonly EventVerdict Al2Incompatible = new()
    {
        Status = "incompatible",
        Source = "ami-catalog",
        Kernel = "5.10.245-241.978.amzn2.x86_64",
        Missing = ["ptrace-get-rseq-configuration"],
        Reason = "AL2 kernel 5.10 lacks PTRACE_GET_RSEQ_CONFIGURATION (Linux 5.13)",
    };

    public static readonly EventVerdict Al2023Compatible = new() { Status = "compatible", Source = "ssm-probe", Kernel = "6.1.176-221.360.amzn2023.x86_64" };

    public static IReadOnlyList<RemediationEvent> OneOfEachKind()
    {
        var scope = Scope("111111111111", "prod", "ng-al2");
        return
        [
            RemediationEvents.RestoreFailureGroup(scope, T0, "rseq-ptrace-unsupported", "node-kernel", 7, 3, Al2Incompatible, "plan-1", "enforce"),
            RemediationEvents.NodegroupVerdictChanged(scope, T0.AddMinutes(1), Al2Incompatible, null),
            RemediationEvents.Action(RemediationEventKinds.ActionPlanned, scope, T0.AddMinutes(2), "plan-1", "act-1", "eks-label-nodegroup", "rseq-ptrace-unsupported", "node-kernel", "label the incompatible node group", "enforce"),
            RemediationEvents.Action(RemediationEventKinds.ActionAwaitingApproval, scope, T0.AddMinutes(2), "plan-1", "act-2", "eks-create-nodegroup", "rseq-ptrace-unsupported", "node-kernel", "clone as AL2023 needs approval", "enforce"),
            RemediationEvents.Action(RemediationEventKinds.ActionExecuted, scope, T0.AddMinutes(3), "plan-1", "act-1", "eks-label-nodegroup", null, null, "labelled", "enforce"),
            RemediationEvents.Action(RemediationEventKinds.ActionFailed, scope, T0.AddMinutes(4), "plan-1", "act-2", "eks-create-nodegroup", null, null, "AccessDenied: iam:PassRole", "enforce"),
            RemediationEvents.Action(RemediationEventKinds.ActionRolledBack, scope, T0.AddMinutes(5), "plan-1", "act-1", "eks-label-nodegroup", null, null, "label removed by on-call", "enforce"),
            RemediationEvents.MigrationStage(scope, T0.AddMinutes(6), "mig-1", "nodegroup-created", "ng-al2023 is ACTIVE", "plan-1"),
            RemediationEvents.FixVerified(scope with { Nodegroup = "ng-al2023" }, T0.AddMinutes(30), "rseq-ptrace-unsupported", "12 restores succeeded, none failed", "plan-1", "act-2", Al2023Compatible),
            RemediationEvents.Escalation(scope, T0.AddMinutes(45), EventSeverities.Critical, "approval for act-2 timed out after 30 minutes", "rseq-ptrace-unsupported", "node-kernel", "plan-1", "act-2"),
        ];
    }
}
