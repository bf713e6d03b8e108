using InstantOnRemediate.Aws.Eks;
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
    public const string RetireStage = "retire";

    public string ActionType => ActionTypes.EksMigrateNodegroup;

    public string UndoDescription => "restore the old group's scaling and remove the fence (UpdateNodegroupConfig); delete a created target only on an explicit rollback request";

    public bool IsDisruptive(PlanAction action) => true;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (ActionParameters.CheckNodegroupTarget(action) is { } target)
        {
            return target;
        }

        if (action.Get("stage") == RetireStage)
        {
            return IdentifierRules.IsNodegroupName(action.Get("targetNodegroup")) ? null : "targetNodegroup is not a valid node-group name";
        }

        int? min = action.Int("minSize"), max = action.Int("maxSize"), desired = action.Int("desiredSize");
        var problem = !IdentifierRules.IsNodegroupName(action.Get("targetNodegroup")) || action.Get("targetNodegroup") == action.Target.Nodegroup ? "targetNodegroup is not a valid node-group name other than the old group"
            : min is null || max is null || desired is null || min < 0 || min > max || desired < min || desired > max ? "minSize/maxSize/desiredSize of the old group are missing or inconsistent"
            : !IdentifierRules.IsLabelKey(action.Get("fenceKey")) || !IdentifierRules.IsLabelValue(action.Get("fenceValue") ?? "") ? "fenceKey/fenceValue are not a valid taint or label"
            : action.Get("fence") is not ("taint" or "label") ? "fence is not taint | label"
            : null;
        if (problem is not null || action.Get("createTarget") != "true")
        {
            return problem ?? (action.Int("targetDesiredSize") is > 0 ? null : "targetDesiredSize of the existing target is missing");
        }

        var clone = action with
        {
            Type = ActionTypes.EksCreateNodegroup,
            Parameters = new Dictionary<string, string>(action.Parameters, StringComparer.Ordinal)
            {
                ["nodegroupName"] = action.Get("targetNodegroup")!, ["sourceNodegroup"] = action.Target.Nodegroup!,
                ["minSize"] = action.Get("minSize")!, ["maxSize"] = Math.Max(1, max!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        return new EksCreateNodegroupExecutor(eks).Validate(clone) ?? Taints(action).Select(t => IdentifierRules.IsLabelKey(t.Key) && IdentifierRules.IsTaintEffect(t.Effect) ? null : "taints contain an invalid taint").FirstOrDefault(p => p is not null);
    }

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        return action.Get("stage") == RetireStage
            ? await RetireAsync(action, cancellationToken).ConfigureAwait(false)
            : await PrepareAsync(action, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionOutcome> PrepareAsync(PlanAction action, CancellationToken cancellationToken)
    {
        var cluster = action.Target.Cluster!;
        var target = action.Get("targetNodegroup")!;
        try
        {
            if (action.Get("createTarget") == "true")
            {
                var desired = action.Int("desiredSize")!.Value;
                var labels = ActionParameters.ParseLabels(action.Get("labels"));
                var taints = Taints(action);
                var scaling = new NodegroupScalingConfig { MinSize = action.Int("minSize"), MaxSize = Math.Max(1, action.Int("maxSize")!.Value), DesiredSize = desired };
                await eks.CreateNodegroupAsync(EksCreateNodegroupExecutor.CloneRequest(action, target, scaling) with
                {
                    Labels = labels.Count > 0 ? labels : null,
                    Taints = taints.Count > 0 ? [.. taints] : null,
                }, cancellationToken).ConfigureAwait(false);
                return ActionOutcome.Executed($"migration started: creating {target} ({action.Get("amiType")}); reconcile moves the workloads stage by stage", target);
            }

            var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
            {
                ClusterName = cluster,
                NodegroupName = target,
                ScalingConfig = new NodegroupScalingConfig { DesiredSize = action.Int("targetDesiredSize") },
                ClientRequestToken = ActionIds.ToClientRequestToken(action.Id),
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"migration started: scaling {target} to {action.Get("targetDesiredSize")} node(s) (update {response.Update?.Id ?? "-"}); reconcile moves the workloads stage by stage", target);
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

        if (action.Get("stage") == RetireStage)
        {
            return ActionOutcome.Skipped($"node group {action.Target.Nodegroup} was deleted: a deleted node group cannot be restored");
        }

        var cluster = action.Target.Cluster!;
        var old = action.Target.Nodegroup!;
        var target = action.Get("targetNodegroup")!;
        var done = new List<string>();
        try
        {
            var group = (await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = cluster, NodegroupName = old }, cancellationToken).ConfigureAwait(false)).Nodegroup;
            if (group is not null)
            {
                var scaling = new NodegroupScalingConfig { MinSize = action.Int("minSize"), MaxSize = action.Int("maxSize"), DesiredSize = action.Int("desiredSize") };
                var current = group.ScalingConfig;
                var rescale = current is null || current.MinSize != scaling.MinSize || current.MaxSize != scaling.MaxSize || current.DesiredSize != scaling.DesiredSize;
                var key = action.Get("fenceKey")!;
                var fenced = action.Get("fence") == "label" ? group.Labels.ContainsKey(key) : group.Taints.Any(t => t.Key == key);
                if (rescale || fenced)
                {
                    var fence = new Taint { Key = key, Value = action.Get("fenceValue"), Effect = action.Get("fenceEffect") ?? "NO_SCHEDULE" };
                    var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
                    {
                        ClusterName = cluster,
                        NodegroupName = old,
                        ScalingConfig = rescale ? scaling : null,
                        Taints = fenced && action.Get("fence") != "label" ? new UpdateTaintsPayload { RemoveTaints = [fence] } : null,
                        Labels = fenced && action.Get("fence") == "label" ? new UpdateLabelsPayload { RemoveLabels = [key] } : null,
                        ClientRequestToken = ActionIds.ToClientRequestToken(action.Id + ":undo"),
                    }, cancellationToken).ConfigureAwait(false);
                    done.Add($"{old} back to {action.Get("minSize")}/{action.Get("maxSize")}/{action.Get("desiredSize")} (min/max/desired){(fenced ? " without its fence" : "")} (update {response.Update?.Id ?? "-"})");
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

            if (action.Get("createTarget") == "true")
            {
                var undoCreate = await new EksCreateNodegroupExecutor(eks).UndoAsync(action with
                {
                    Type = ActionTypes.EksCreateNodegroup,
                    Parameters = new Dictionary<string, string>(action.Parameters, StringComparer.Ordinal) { ["nodegroupName"] = target, ["sourceNodegroup"] = old, ["maxSize"] = Math.Max(1, action.Int("maxSize")!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }, options, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The old group's taints as planned: <c>key=value:EFFECT</c>, comma-separated.</summary>
    private static List<Taint> Taints(PlanAction action) =>
        [.. action.List("taints").Select(t =>
        {
            var colon = t.LastIndexOf(':');
            var kv = colon > 0 ? t[..colon] : t;
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            return new Taint { Key = eq > 0 ? kv[..eq] : kv, Value = eq > 0 ? kv[(eq + 1)..] : null, Effect = colon > 0 ? t[(colon + 1)..] : null };
        })];
}
