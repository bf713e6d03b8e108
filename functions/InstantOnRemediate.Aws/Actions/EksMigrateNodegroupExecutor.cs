using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// eks-migrate-nodegroup, the parts a person approves: prepare (CreateNodegroup of the target with the compatible
/// amiType, or scale an existing compatible group up) when the migration is approved; DeleteNodegroup of the
/// drained old group when its retirement is approved separately (parameter <c>stage</c> = retire). Reconcile
/// carries out the stages between (fence, drain). Undo restores the old group's scaling, removes the fence, and
/// deletes a target the migration created only on an explicit request.
/// </summary>
[IamAction("eks:CreateNodegroup", Resource = "cluster")]
[IamAction("eks:TagResource", Resource = "nodegroup")]
[IamAction("iam:PassRole", Resource = "node-role")]
[IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
[IamAction("eks:DeleteNodegroup", Resource = "nodegroup")]
[IamAction("eks:DescribeNodegroup", Resource = "nodegroup")]
public sealed class EksMigrateNodegroupExecutor(IAmazonEks eks) : IActionExecutor
{
    public const string RetireStage = EksMigrateNodegroupParameters.RetireStage;

    public string ActionType => ActionTypes.EksMigrateNodegroup;

    public string UndoDescription => "restore the old group's scaling and remove the fence (UpdateNodegroupConfig); delete a created target only on an explicit rollback request";

    public bool IsDisruptive(PlanAction action) => true;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionKinds.Of(ActionType).Validate(action);
    }

    private static EksMigrateNodegroupParameters Parameters(PlanAction action) => (EksMigrateNodegroupParameters)action.Parameters;

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        return Parameters(action).IsRetire
            ? await RetireAsync(action, cancellationToken).ConfigureAwait(false)
            : await PrepareAsync(action, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionOutcome> PrepareAsync(PlanAction action, CancellationToken cancellationToken)
    {
        var cluster = action.Target.Cluster!;
        var p = Parameters(action);
        var target = p.TargetNodegroup;
        try
        {
            if (p.CreateTarget)
            {
                var clone = p.TargetClone(action.Target.Nodegroup!);
                var taints = (p.Taints ?? []).Select(t => new Taint { Key = t.Key, Value = t.Value, Effect = t.Effect }).ToList();
                var scaling = new NodegroupScalingConfig { MinSize = clone.MinSize, MaxSize = clone.MaxSize, DesiredSize = clone.DesiredSize };
                await eks.CreateNodegroupAsync(EksCreateNodegroupExecutor.CloneRequest(action, clone, scaling) with
                {
                    Labels = clone.Labels.Count > 0 ? new Dictionary<string, string>(clone.Labels, StringComparer.Ordinal) : null,
                    Taints = taints.Count > 0 ? [.. taints] : null,
                }, cancellationToken).ConfigureAwait(false);
                return ActionOutcome.Executed($"migration started: creating {target} ({p.AmiType}); reconcile moves the workloads stage by stage", target);
            }

            var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
            {
                ClusterName = cluster,
                NodegroupName = target,
                ScalingConfig = new NodegroupScalingConfig { DesiredSize = p.TargetDesiredSize },
                ClientRequestToken = ActionIds.ToClientRequestToken(action.Id),
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"migration started: scaling {target} to {p.TargetDesiredSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)} node(s) (update {response.Update?.Id ?? "-"}); reconcile moves the workloads stage by stage", target);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, $"prepare the migration of {action.Target.Nodegroup} to {target}");
        }
    }

    private async Task<ActionOutcome> RetireAsync(PlanAction action, CancellationToken cancellationToken)
    {
        var cluster = action.Target.Cluster!;
        var old = action.Target.Nodegroup!;
        try
        {
            var group = (await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = cluster, NodegroupName = old }, cancellationToken).ConfigureAwait(false)).Nodegroup;
            if (group?.ScalingConfig?.DesiredSize is not 0)
            {
                return ActionOutcome.Skipped($"node group {old} is not drained (desired size {group?.ScalingConfig?.DesiredSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}): not deleting it");
            }

            await eks.DeleteNodegroupAsync(new DeleteNodegroupRequest { ClusterName = cluster, NodegroupName = old }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"deleting the drained node group {old}", old);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, $"delete node group {old}");
        }
    }

    public async Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var p = Parameters(action);
        if (p.IsRetire)
        {
            return ActionOutcome.Skipped($"node group {action.Target.Nodegroup} was deleted: a deleted node group cannot be restored");
        }

        var cluster = action.Target.Cluster!;
        var old = action.Target.Nodegroup!;
        var target = p.TargetNodegroup;
        var done = new List<string>();
        try
        {
            var group = (await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = cluster, NodegroupName = old }, cancellationToken).ConfigureAwait(false)).Nodegroup;
            if (group is not null)
            {
                var scaling = new NodegroupScalingConfig { MinSize = p.MinSize, MaxSize = p.MaxSize, DesiredSize = p.DesiredSize };
                var current = group.ScalingConfig;
                var rescale = current is null || current.MinSize != scaling.MinSize || current.MaxSize != scaling.MaxSize || current.DesiredSize != scaling.DesiredSize;
                var key = p.FenceKey;
                var fenced = p.Fence == "label" ? group.Labels.ContainsKey(key) : group.Taints.Any(t => t.Key == key);
                if (rescale || fenced)
                {
                    var fence = new Taint { Key = key, Value = p.FenceValue, Effect = p.FenceEffect ?? "NO_SCHEDULE" };
                    var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
                    {
                        ClusterName = cluster,
                        NodegroupName = old,
                        ScalingConfig = rescale ? scaling : null,
                        Taints = fenced && p.Fence != "label" ? new UpdateTaintsPayload { RemoveTaints = [fence] } : null,
                        Labels = fenced && p.Fence == "label" ? new UpdateLabelsPayload { RemoveLabels = [key] } : null,
                        ClientRequestToken = ActionIds.ToClientRequestToken(action.Id + ":undo"),
                    }, cancellationToken).ConfigureAwait(false);
                    done.Add($"{old} back to {Num(p.MinSize)}/{Num(p.MaxSize)}/{Num(p.DesiredSize)} (min/max/desired){(fenced ? " without its fence" : "")} (update {response.Update?.Id ?? "-"})");
                }
                else
                {
                    done.Add($"{old} already has its scaling and no fence");
                }
            }
            else
            {
                done.Add($"{old} no longer exists");
            }

            if (p.CreateTarget)
            {
                var undoCreate = await new EksCreateNodegroupExecutor(eks).DeleteCreatedAsync(action, target, options, cancellationToken).ConfigureAwait(false);
                done.Add(undoCreate.Reason);
            }
            else
            {
                done.Add($"{target} keeps its size");
            }

            return ActionOutcome.Executed(string.Join("; ", done), old);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, $"roll back the migration of {old}");
        }
    }

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
