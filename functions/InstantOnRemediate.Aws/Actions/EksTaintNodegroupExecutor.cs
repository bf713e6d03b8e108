using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>eks-taint-nodegroup: UpdateNodegroupConfig taints.addOrUpdateTaints; undone by taints.removeTaints. NO_EXECUTE evicts: disruptive.</summary>
[IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
public sealed class EksTaintNodegroupExecutor(IAmazonEks eks) : IActionExecutor
{
    public string ActionType => ActionTypes.EksTaintNodegroup;

    public string UndoDescription => "remove the taint (UpdateNodegroupConfig taints.removeTaints)";

    public bool IsDisruptive(PlanAction action) => ActionKinds.Of(ActionType).IsDisruptive(action);

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionKinds.Of(ActionType).Validate(action);
    }

    public Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default) =>
        Validate(action) is { } invalid
            ? Task.FromResult(ActionOutcome.Skipped(invalid))
            : Update(action, new UpdateTaintsPayload { AddOrUpdateTaints = [Taint(action)] }, ActionIds.ToClientRequestToken(action.Id),
                $"tainted node group {action.Target.Nodegroup} {Parameters(action).TaintKey}:{Parameters(action).TaintEffect}", cancellationToken);

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default) =>
        Validate(action) is { } invalid
            ? Task.FromResult(ActionOutcome.Skipped(invalid))
            : Update(action, new UpdateTaintsPayload { RemoveTaints = [Taint(action)] }, ActionIds.ToClientRequestToken(action.Id + ":undo"),
                $"removed taint {Parameters(action).TaintKey} from node group {action.Target.Nodegroup}", cancellationToken);

    private static EksTaintNodegroupParameters Parameters(PlanAction action) => (EksTaintNodegroupParameters)action.Parameters;

    private static Taint Taint(PlanAction action) => new() { Key = Parameters(action).TaintKey, Value = Parameters(action).TaintValue, Effect = Parameters(action).TaintEffect };

    [IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
    private async Task<ActionOutcome> Update(PlanAction action, UpdateTaintsPayload taints, string token, string done, CancellationToken cancellationToken)
    {
        try
        {
            var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
            {
                ClusterName = action.Target.Cluster!,
                NodegroupName = action.Target.Nodegroup!,
                Taints = taints,
                ClientRequestToken = token,
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed(done, response.Update?.Id);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, $"taint node group {action.Target.Nodegroup}");
        }
    }
}
