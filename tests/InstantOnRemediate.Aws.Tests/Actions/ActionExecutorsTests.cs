using System.Reflection;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Tests.Actions;

public sealed class ActionExecutorsTests
{
    private static readonly EksLabelNodegroupParameters Label = new EksLabelNodegroupParameters { LabelKey = "instanton.openliberty.io/restore-compatible", LabelValue = "false" };

    [Theory]
    [InlineData(ActionStatuses.AwaitingApproval, Modes.Enforce)]
    [InlineData(ActionStatuses.Skipped, Modes.Enforce)]
    [InlineData(ActionStatuses.Planned, Modes.Recommend)]
    [InlineData(ActionStatuses.Planned, Modes.Observe)]
    public async Task Execute_NotExecutableStatusOrMode_NothingSent(string status, string mode)
    {
        var eks = new RecordingEks();
        var executors = new ActionExecutors([new EksLabelNodegroupExecutor(eks)]);

        var outcome = await executors.ExecuteAsync(PlanActions.Create(ActionTypes.EksLabelNodegroup, parameters: Label) with { Status = status, Mode = mode });

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Empty(eks.Requests);
    }

    [Fact]
    public async Task Execute_NoExecuteTaintPlannedAsNonDisruptive_Refused()
    {
        var eks = new RecordingEks();
        var executors = new ActionExecutors([new EksTaintNodegroupExecutor(eks)]);
        var action = PlanActions.Create(ActionTypes.EksTaintNodegroup, parameters: new EksTaintNodegroupParameters
        {
            TaintKey = "instanton.openliberty.io/restore-incompatible", TaintValue = "true", TaintEffect = "NO_EXECUTE",
        }, disruptive: false);

        var outcome = await executors.ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Contains("approval", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(eks.Requests);
    }

    [Fact]
    public void Executors_EveryActionTypeCoveredAndDeclaresIam()
    {
        var executors = AllExecutors();

        Assert.Equal(
            ActionTypes.All.Where(t => t != ActionTypes.None).Order(StringComparer.Ordinal),
            executors.Select(e => e.ActionType).Order(StringComparer.Ordinal));
        foreach (var executor in executors)
        {
            var declared = executor.GetType().GetCustomAttributes<IamActionAttribute>().ToList();
            Assert.True(declared.Count > 0, $"{executor.GetType().Name} declares no IAM action");
            Assert.All(declared, d => Assert.Matches("^[a-z0-9-]+:[A-Za-z]+$", d.Action));
            Assert.False(string.IsNullOrWhiteSpace(executor.UndoDescription));
        }
    }

    [Fact]
    public async Task Notify_PublishesWhatWhereWhyDone()
    {
        var sns = new RecordingSns();
        var action = PlanActions.Create(ActionTypes.Notify, null, new NotifyParameters
        {
            Nodegroups = ["ng-al2"], Remedy = "node-kernel", Fix = "use AL2023 nodes", Actions = ["eks-label-nodegroup ng-al2 (planned)"],
        }) with { Target = new ActionTarget { Cluster = "prod-eks", Recipient = "arn:aws:sns:us-east-1:123456789012:alerts" }, Reason = "4 failed restores" };

        var outcome = await new NotifyExecutor(sns).ExecuteAsync(action);

        Assert.Equal(("executed", "msg-1"), (outcome.Status, outcome.Reference));
        var published = Assert.Single(sns.Published);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:alerts", published.TopicArn);
        Assert.True(published.Subject!.Length <= 100);
        foreach (var part in new[] { "What:  4 failed restores", "Where: cluster prod-eks, node group(s) ng-al2", "Why:   cause rseq-ptrace-unsupported", "Fix:   use AL2023 nodes", "Done:  eks-label-nodegroup" })
        {
            Assert.Contains(part, published.Message, StringComparison.Ordinal);
        }

        Assert.Equal("prod-eks", published.MessageAttributes["cluster"]);
    }

    private static List<IActionExecutor> AllExecutors()
    {
        var eks = new RecordingEks();
        using var ssm = new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient(
            new Amazon.Runtime.BasicAWSCredentials("a", "b"), new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig { ServiceURL = "http://127.0.0.1:1" });
        return
        [
            new NotifyExecutor(new RecordingSns()), new EksLabelNodegroupExecutor(eks), new EksTaintNodegroupExecutor(eks), new EksUpdateNodegroupVersionExecutor(eks),
            new EksCreateNodegroupExecutor(eks), new SsmRunCommandExecutor(ssm, PolicyLoader.LoadDefault()),
            new EksMigrateNodegroupExecutor(eks),
        ];
    }
}
