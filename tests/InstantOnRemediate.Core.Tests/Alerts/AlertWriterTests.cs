using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Tests.Alerts;

public sealed class AlertWriterTests
{
    private static AlertGroup EksCase(params PlanAction[] actions) => new()
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
                Evidence = ["CWWKE0964E: Restoring the checkpoint server process failed.", "Error (criu/cr-restore.c:2521): 27 killed by signal 11: Segmentation fault\u001b[0m"],
                Explanation = "The node's kernel is older than 5.13.", Fix = "Run the workload on AL2023 nodes.",
            },
        ],
        Correlation = [new NodeCorrelation { Node = "ip-192-168-12-34.us-west-2.compute.internal", Nodegroup = "ng-al2-general", Kernel = "5.10", Compatible = false, Missing = ["ptrace-get-rseq-conf"] }],
        NodegroupDetail = new NodegroupInventory { Name = "ng-al2-general", AmiType = "AL2_x86_64", ReleaseVersion = "1.30.9-20250212", Kernel = "5.10", KernelSource = "ami-catalog" },
        FeatureMinimums = new Dictionary<string, string> { ["ptrace-get-rseq-conf"] = "5.13" },
        Actions = actions,
    };

    [Fact]
    public void Compose_EksRseqCase_SaysWhatWhereWhyAndHowToApprove()
    {
        var create = new PlanAction
        {
            Id = "a-create", Type = ActionTypes.EksCreateNodegroup, Status = ActionStatuses.AwaitingApproval,
            Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = "ng-al2-general" },
            Parameters = new EksCreateNodegroupParameters { NodegroupName = "ng-al2-general-al2023", AmiType = "AL2023_x86_64_STANDARD" },
            Reason = "AL2023 runs kernel 6.1, which has what CRIU needs.", Disruptive = true,
        };

        var alert = AlertWriter.Compose(EksCase(create));

        Assert.StartsWith("[InstantOn] restore failed on prod-eks/ng-al2-general", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("CrashLoopBackOff", alert.Body, StringComparison.Ordinal);
        Assert.Contains("lacks ptrace-get-rseq-conf (Linux 5.13+)", alert.Body, StringComparison.Ordinal);
        Assert.Contains("kernel 5.10 (from ami-catalog)", alert.Body, StringComparison.Ordinal);
        Assert.Contains("{\"action\":\"apply\",\"actionId\":\"a-create\",\"planId\":\"plan-1\",\"approvedBy\":\"<you>\",\"reason\":\"<why>\"}", alert.Body, StringComparison.Ordinal);
        Assert.Contains("create node group ng-al2-general-al2023 (AL2023_x86_64_STANDARD)", alert.Body, StringComparison.Ordinal);
        Assert.Equal("prod-eks/ng-al2-general/rseq-ptrace-unsupported", alert.GroupKey);
        Assert.Equal("node-kernel", alert.Attributes["remedy"]);
        Assert.Equal("high", alert.Attributes["severity"]);
    }

    [Fact]
    public void Compose_LogLineWithControlCharacters_ShowsThemAsSpaces()
    {
        var alert = AlertWriter.Compose(EksCase());

        Assert.DoesNotContain('\u001b', alert.Body);
        Assert.Contains("Nothing yet", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongNonAsciiSubject_IsPrintableAsciiAtMost100()
    {
        var group = EksCase() with { Nodegroup = new string('n', 63) + "\u00e9\n", Cluster = new string('c', 100) };

        var alert = AlertWriter.Compose(group);

        Assert.True(alert.Subject.Length <= 100);
        Assert.All(alert.Subject, c => Assert.InRange(c, ' ', '~'));
    }
}
