using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// eks-update-nodegroup-version: UpdateNodegroupVersion with a releaseVersion of the node group's own family.
/// Refuses node groups on a custom-AMI launch template (EKS rejects a releaseVersion there). No automatic undo.
/// </summary>
[IamAction("eks:DescribeNodegroup", Resource = "nodegroup")]
[IamAction("eks:UpdateNodegroupVersion", Resource = "nodegroup")]
public sealed class EksUpdateNodegroupVersionExecutor(IAmazonEks eks) : IActionExecutor
{
    public string ActionType => ActionTypes.EksUpdateNodegroupVersion;

    public string UndoDescription => "none automatic: EKS does not roll a node group back to an older release; roll forward or replace the node group";

    public bool IsDisruptive(PlanAction action) => true;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionKinds.Of(ActionType).Validate(action);
    }

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var what = $"update node group {action.Target.Nodegroup} to release {((EksUpdateNodegroupVersionParameters)action.Parameters).ReleaseVersion}";
        try
        {
            var current = (await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = action.Target.Cluster!, NodegroupName = action.Target.Nodegroup! }, cancellationToken)
                .ConfigureAwait(false)).Nodegroup;
            if (current is null)
            {
                return ActionOutcome.Failed($"{what}: DescribeNodegroup returned no node group");
            }

            if (current.AmiType == "CUSTOM")
            {
                return ActionOutcome.Skipped($"{what}: the node group runs a custom AMI from its launch template; a releaseVersion cannot be applied (update the launch template)");
            }

            if (current.ReleaseVersion == ((EksUpdateNodegroupVersionParameters)action.Parameters).ReleaseVersion)
            {
                return ActionOutcome.Skipped($"{what}: already on that release");
            }

            var response = await eks.UpdateNodegroupVersionAsync(new UpdateNodegroupVersionRequest
            {
                ClusterName = action.Target.Cluster!,
                NodegroupName = action.Target.Nodegroup!,
                ReleaseVersion = ((EksUpdateNodegroupVersionParameters)action.Parameters).ReleaseVersion,
                ClientRequestToken = ActionIds.ToClientRequestToken(action.Id),
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"started {what} (from {current.ReleaseVersion})", response.Update?.Id);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, what);
        }
    }

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActionOutcome.Skipped(UndoDescription));
}
