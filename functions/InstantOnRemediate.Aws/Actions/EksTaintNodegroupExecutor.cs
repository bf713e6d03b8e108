using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>eks-taint-nodegroup: UpdateNodegroupConfig taints.addOrUpdateTaints; undone by taints.removeTaints. NO_EXECUTE evicts: disruptive.</summary>
[IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
public sealed class EksTaintNodegroupExecutor(IAmazonEks eks) : IActionExecutor
{
    public string ActionType => ActionTypes.EksTaintNodegroup;

    public string UndoDescription => "remove the taint (UpdateNodegroupConfig taints.removeTaints)";

    public bool IsDisruptive(PlanAction action) => action?.Get("taintEffect") == "NO_EXECUTE";

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionParameters.CheckNodegroupTarget(action)
            ?? (!IdentifierRules.IsLabelKey(action.Get("taintKey")) ? "taintKey is not a Kubernetes taint key"
            : !IdentifierRules.IsLabelValue(action.Get("taintValue") ?? "") ? "taintValue is not a valid taint value"
            : !IdentifierRules.IsTaintEffect(action.Get("taintEffect")) ? "taintEffect is not NO_SCHEDULE | PREFER_NO_SCHEDULE | NO_EXECUTE"
            : null);
    }

    public Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default) =>
        Validate(action) is { } invalid
            ? Task.FromResult(ActionOutcome.Skipped(invalid))
            : Update(action, new UpdateTaintsPayload { AddOrUpdateTaints = [Taint(action)] }, ActionIds.ToClientRequestToken(action.Id),
                $"tainted node group {action.Target.Nodegroup} {action.Get("taintKey")}:{action.Get("taintEffect")}", cancellationToken);

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default) =>
        Validate(action) is { } invalid
            ? Task.FromResult(ActionOutcome.Skipped(invalid))
            : Update(action, new UpdateTaintsPayload { RemoveTaints = [Taint(action)] }, ActionIds.ToClientRequestToken(action.Id + ":undo"),
                $"removed taint {action.Get("taintKey")} from node group {action.Target.Nodegroup}", cancellationToken);

    private static Taint Taint(PlanAction action) => new() { Key = action.Get("taintKey"), Value = action.Get("taintValue"), Effect = action.Get("taintEffect") };

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
