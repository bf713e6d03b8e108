using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// ssm-automation: a release rollout delegated to the AWS-owned runbook AWS-UpdateEKSManagedNodeGroup
/// (UpdateType "Update Node Group Version"), with the action's stable token as ClientToken. No automatic undo.
/// </summary>
[IamAction("ssm:StartAutomationExecution", Resource = "automation-definition")]
[IamAction("iam:PassRole", Resource = "automation-role")]
public sealed class SsmAutomationExecutor(IAmazonSimpleSystemsManagement ssm) : IActionExecutor
{
    public const string DocumentName = "AWS-UpdateEKSManagedNodeGroup";

    public string ActionType => ActionTypes.SsmAutomation;

    public string UndoDescription => "none automatic: EKS does not roll a node group back to an older release";

    public bool IsDisruptive(PlanAction action) => true;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionParameters.CheckNodegroupTarget(action)
            ?? (action.Get("documentName") != DocumentName ? $"documentName must be {DocumentName}"
            : !IdentifierRules.IsReleaseVersion(action.Get("releaseVersion")) ? "releaseVersion is not a valid EKS release version"
            : !IdentifierRules.IsRoleArn(action.Get("automationAssumeRoleArn")) ? "automationAssumeRoleArn is not an IAM role ARN"
            : null);
    }

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var what = $"{DocumentName} for node group {action.Target.Nodegroup} to release {action.Get("releaseVersion")}";
        try
        {
            var response = await ssm.StartAutomationExecutionAsync(new StartAutomationExecutionRequest
            {
                DocumentName = DocumentName,
                ClientToken = ActionIds.ToClientRequestToken(action.Id),
                Parameters = new Dictionary<string, List<string>>
                {
                    ["AutomationAssumeRole"] = [action.Get("automationAssumeRoleArn")!],
                    ["ClusterName"] = [action.Target.Cluster!],
                    ["NodeGroupName"] = [action.Target.Nodegroup!],
                    ["UpdateType"] = ["Update Node Group Version"],
                    ["AMIReleaseVersion"] = [action.Get("releaseVersion")!],
                },
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"started {what}", response.AutomationExecutionId);
        }
        catch (AmazonServiceException e)
        {
            return SsmOutcomes.From(e, what);
        }
    }

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActionOutcome.Skipped(UndoDescription));
}
