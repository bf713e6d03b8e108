using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Notifications;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Tests.Notifications;

/// <summary>The EKS rseq case as AlertWriter writes it (an action awaiting approval included).</summary>
internal static class SampleAlerts
{
    public static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public static AlertDelivery Delivery => new() { Account = "111111111111", Region = "us-west-2", OccurredAt = At, RelatedResources = ["arn:aws:eks:us-west-2:111111111111:cluster/prod-eks"] };

    public static Alert EksRseq(int extraEvidenceChars = 0) => AlertWriter.Compose(new AlertGroup
    {
        Cluster = "prod-eks",
        Nodegroup = "ng-al2-general",
        Cause = "rseq-ptrace-unsupported",
        PlanId = "plan-1",
        Mode = Modes.Recommend,
        Findings =
        [
            new Finding
            {
                Id = "f1", Verdict = Verdicts.RestoreFailure, Cause = "rseq-ptrace-unsupported", Remedy = RemedyClasses.NodeKernel,
                Pod = "orders-1", Namespace = "shop", Node = "ip-192-168-12-34.us-west-2.compute.internal",
                Evidence = ["CWWKE0961I: Restore of the checkpoint failed ```", "Error (criu/cr-restore.c:2521): 27 killed by signal 11: Segmentation fault " + new string('x', extraEvidenceChars)],
                Explanation = "The node's kernel is older than 5.13.", Fix = "Run the workload on AL2023 nodes.",
            },
        ],
        Correlation = [new NodeCorrelation { Node = "ip-192-168-12-34.us-west-2.compute.internal", Nodegroup = "ng-al2-general", Kernel = "5.10", Compatible = false, Missing = ["ptrace-get-rseq-conf"] }],
        NodegroupDetail = new NodegroupInventory { Name = "ng-al2-general", AmiType = "AL2_x86_64", ReleaseVersion = "1.30.9-20250212", Kernel = "5.10", KernelSource = "ami-catalog" },
        Actions =
        [
            new PlanAction
            {
                Id = "a-create", Type = ActionTypes.EksCreateNodegroup, Status = ActionStatuses.AwaitingApproval,
                Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = "ng-al2-general" },
                Parameters = new EksCreateNodegroupParameters { NodegroupName = "ng-al2-general-al2023", AmiType = "AL2023_x86_64_STANDARD" },
                Reason = "a disruptive action needs approval",
            },
        ],
    });
}
