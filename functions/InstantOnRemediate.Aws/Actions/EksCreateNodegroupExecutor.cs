using InstantOnRemediate.Aws.Eks;
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
        var subnets = action.List("subnets");
        var types = action.List("instanceTypes");
        var labels = ActionParameters.ParseLabels(action.Get("labels"));
        int? min = action.Int("minSize"), max = action.Int("maxSize"), desired = action.Int("desiredSize");
        return !IdentifierRules.IsClusterName(action.Target.Cluster) ? "target cluster is missing or not a valid EKS cluster name"
            : !IdentifierRules.IsNodegroupName(action.Get("nodegroupName")) ? "nodegroupName is not a valid node-group name (<= 63 chars of [A-Za-z0-9_-])"
            : !IdentifierRules.IsNodegroupName(action.Get("sourceNodegroup")) ? "sourceNodegroup is not a valid node-group name"
            : !IdentifierRules.IsAmiType(action.Get("amiType")) || action.Get("amiType") == "CUSTOM" ? "amiType is not an EKS-managed amiType"
            : subnets.Count == 0 || !subnets.All(IdentifierRules.IsSubnetId) ? "subnets are missing or invalid"
            : types.Count == 0 || !types.All(IdentifierRules.IsInstanceType) ? "instanceTypes are missing or invalid"
            : !IdentifierRules.IsRoleArn(action.Get("nodeRole")) ? "nodeRole is not an IAM role ARN"
            : action.Get("capacityType") is not (null or "ON_DEMAND" or "SPOT" or "CAPACITY_BLOCK") ? "capacityType is not ON_DEMAND | SPOT | CAPACITY_BLOCK"
            : min is null || max is null || desired is null || min < 0 || max < 1 || min > max || desired < min || desired > max ? "minSize/maxSize/desiredSize are missing or inconsistent"
            : labels.Any(l => !IdentifierRules.IsLabelKey(l.Key) || !IdentifierRules.IsLabelValue(l.Value)) ? "labels contain an invalid Kubernetes label"
            : action.Get("kubernetesVersion") is { } v && !IsKubernetesMinor(v) ? "kubernetesVersion is not MAJOR.MINOR"
            : null;
    }

    /// <summary>
    /// CreateNodegroup of <paramref name="name"/> from a validated clone action (amiType, subnets, node role, instance
    /// types, capacity type, Kubernetes version), tagged as created by the action so only its rollback deletes it.
    /// </summary>
    internal static CreateNodegroupRequest CloneRequest(PlanAction action, string name, NodegroupScalingConfig scaling) => new()
    {
        ClusterName = action.Target.Cluster!,
        NodegroupName = name,
        AmiType = action.Get("amiType"),
        Subnets = [.. action.List("subnets")],
        NodeRole = action.Get("nodeRole")!,
        InstanceTypes = [.. action.List("instanceTypes")],
        CapacityType = action.Get("capacityType"),
        ScalingConfig = scaling,
        Version = action.Get("kubernetesVersion"),
        Tags = new() { [CreatedByTag] = action.Id },
        ClientRequestToken = ActionIds.ToClientRequestToken(action.Id),
    };

    private static bool IsKubernetesMinor(string version) =>
        version.Split('.') is [var major, var minor] && major.Length is > 0 and <= 2 && minor.Length is > 0 and <= 3
        && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit);

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var name = action.Get("nodegroupName")!;
        var what = $"create node group {name} ({action.Get("amiType")}) cloned from {action.Get("sourceNodegroup")}";
        try
        {
            var response = await eks.CreateNodegroupAsync(CloneRequest(action, name, new NodegroupScalingConfig
            {
                MinSize = action.Int("minSize"), MaxSize = action.Int("maxSize"), DesiredSize = action.Int("desiredSize"),
            }) with { Labels = ActionParameters.ParseLabels(action.Get("labels")) }, cancellationToken).ConfigureAwait(false);
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

        var name = action.Get("nodegroupName")!;
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
