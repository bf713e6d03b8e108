using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// eks-create-nodegroup: CreateNodegroup cloned from the incompatible one (subnets, node role, instance types,
/// scaling, labels) with a compatible amiType. Undo deletes it — only when the rollback explicitly asks for it.
/// </summary>
[IamAction("eks:CreateNodegroup", Resource = "cluster")]
[IamAction("eks:TagResource", Resource = "nodegroup")]
[IamAction("iam:PassRole", Resource = "node-role")]
[IamAction("eks:DeleteNodegroup", Resource = "nodegroup")]
public sealed class EksCreateNodegroupExecutor(IAmazonEks eks) : IActionExecutor
{
    /// <summary>Tag on every node group this service creates; rollback deletes only node groups that carry it.</summary>
    public const string CreatedByTag = "instanton-remediate/created-by-action";

    public string ActionType => ActionTypes.EksCreateNodegroup;

    public string UndoDescription => "delete the created node group (DeleteNodegroup) - only on an explicit rollback request";

    public bool IsDisruptive(PlanAction action) => true;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionKinds.Of(ActionType).Validate(action);
    }

    /// <summary>
    /// CreateNodegroup of a validated clone (amiType, subnets, node role, instance types, capacity type, Kubernetes
    /// version), tagged as created by <paramref name="action"/> so only its rollback deletes it.
    /// </summary>
    internal static CreateNodegroupRequest CloneRequest(PlanAction action, EksCreateNodegroupParameters clone, NodegroupScalingConfig scaling) => new()
    {
        ClusterName = action.Target.Cluster!,
        NodegroupName = clone.NodegroupName,
        AmiType = clone.AmiType,
        Subnets = [.. clone.Subnets],
        NodeRole = clone.NodeRole,
        InstanceTypes = [.. clone.InstanceTypes],
        CapacityType = clone.CapacityType,
        ScalingConfig = scaling,
        Version = clone.KubernetesVersion,
        Tags = new() { [CreatedByTag] = action.Id },
        ClientRequestToken = ActionIds.ToClientRequestToken(action.Id),
    };

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var clone = (EksCreateNodegroupParameters)action.Parameters;
        var name = clone.NodegroupName;
        var what = $"create node group {name} ({clone.AmiType}) cloned from {clone.SourceNodegroup}";
        try
        {
            var response = await eks.CreateNodegroupAsync(CloneRequest(action, clone, new NodegroupScalingConfig
            {
                MinSize = clone.MinSize, MaxSize = clone.MaxSize, DesiredSize = clone.DesiredSize,
            }) with { Labels = new Dictionary<string, string>(clone.Labels, StringComparer.Ordinal) }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"started to {what}; move InstantOn workloads once it is ACTIVE, then scale the old group down by hand", response.Nodegroup?.NodegroupName ?? name);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, what);
        }
    }

    public async Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        return await DeleteCreatedAsync(action, ((EksCreateNodegroupParameters)action.Parameters).NodegroupName, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes <paramref name="name"/> when the rollback asks for it and the node group carries the tag of <paramref name="action"/>.</summary>
    internal async Task<ActionOutcome> DeleteCreatedAsync(PlanAction action, string name, UndoOptions options, CancellationToken cancellationToken)
    {
        if (!options.DeleteCreatedNodegroup)
        {
            return ActionOutcome.Skipped($"node group {name} is kept: deleting it needs an explicit rollback request (delete-created-nodegroup)");
        }

        try
        {
            var existing = (await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = action.Target.Cluster!, NodegroupName = name }, cancellationToken).ConfigureAwait(false)).Nodegroup;
            if (existing?.Tags.GetValueOrDefault(CreatedByTag) != action.Id)
            {
                return ActionOutcome.Skipped($"node group {name} was not created by action {action.Id} (tag {CreatedByTag} differs): not deleting it");
            }

            await eks.DeleteNodegroupAsync(new DeleteNodegroupRequest { ClusterName = action.Target.Cluster!, NodegroupName = name }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"deleting node group {name}", name);
        }
        catch (EksServiceException e)
        {
            return EksOutcomes.From(e, $"delete node group {name}");
        }
    }
}
