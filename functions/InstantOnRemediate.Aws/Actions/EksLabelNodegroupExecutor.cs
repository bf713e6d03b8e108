using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>eks-label-nodegroup: UpdateNodegroupConfig labels.addOrUpdateLabels; undone by labels.removeLabels.</summary>
[IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
public sealed class EksLabelNodegroupExecutor(IAmazonEks eks) : IActionExecutor
{
    public string ActionType => ActionTypes.EksLabelNodegroup;

    public string UndoDescription => "remove the label (UpdateNodegroupConfig labels.removeLabels)";

    public bool IsDisruptive(PlanAction action) => false;

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

        var (key, value) = (Label(action).LabelKey, Label(action).LabelValue);
        return await Update(action, new UpdateLabelsPayload { AddOrUpdateLabels = new() { [key] = value } }, ActionIds.ToClientRequestToken(action.Id),
            $"labelled node group {action.Target.Nodegroup} {key}={value}", cancellationToken).ConfigureAwait(false);
    }

    public async Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var key = Label(action).LabelKey;
        return await Update(action, new UpdateLabelsPayload { RemoveLabels = [key] }, ActionIds.ToClientRequestToken(action.Id + ":undo"),
            $"removed label {key} from node group {action.Target.Nodegroup}", cancellationToken).ConfigureAwait(false);
    }

    private static EksLabelNodegroupParameters Label(PlanAction action) => (EksLabelNodegroupParameters)action.Parameters;

    [IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
    private async Task<ActionOutcome> Update(PlanAction action, UpdateLabelsPayload labels, string token, string done, CancellationToken cancellationToken)
    {
        try
        {
            var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
            {
                ClusterName = action.Target.Cluster!,
                NodegroupName = action.Target.Nodegroup!,
                Labels = labels,
                ClientRequestToken = token,
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed(done, response.Update?.Id);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, $"label node group {action.Target.Nodegroup}");
        }
    }
}
