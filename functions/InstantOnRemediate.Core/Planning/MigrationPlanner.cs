using System.Globalization;
using System.Text;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// Plans eks-migrate-nodegroup (policy migration.enabled): one action, approved once, whose reason lists every
/// stage and what it changes. The target is an existing compatible healthy group with room for the old group's
/// nodes, else a clone with the compatible amiType (the old group's Kubernetes version, instance types, capacity
/// type, subnets, labels, taints and scaling). A custom-AMI launch template is not migrated automatically.
/// </summary>
internal sealed class MigrationPlanner(RemediationPolicy policy, Placement placement)
{
    /// <summary>Into the first existing compatible healthy group with room; null when none has room (a clone is planned then).</summary>
    public Candidate? IntoExisting(FailureGroup group, NodegroupInventory ng, IReadOnlyList<NodegroupInventory> compatible)
    {
        var wanted = ng.DesiredSize ?? ng.Instances.Count;
        var target = compatible.FirstOrDefault(c => c.MaxSize is { } max && max - (c.DesiredSize ?? 0) >= wanted);
        if (target is null)
        {
            return null;
        }

        var parameters = Common(ng) with
        {
            TargetNodegroup = target.Name,
            CreateTarget = false,
            AmiType = target.AmiType ?? "",
            TargetDesiredSize = (target.DesiredSize ?? 0) + wanted,
            TargetMaxSize = target.MaxSize ?? 0,
        };
        return Create(group, ng, target.Name, parameters,
            $"scale the existing compatible group {target.Name} from {Num(target.DesiredSize ?? 0)} to {Num((target.DesiredSize ?? 0) + wanted)} node(s)");
    }

    /// <summary>Into a new clone with the compatible amiType.</summary>
    public Candidate IntoClone(FailureGroup group, NodegroupInventory ng, AmiTypeMigration migration)
    {
        var name = $"{ng.Name}-{migration.NameSuffix}";
        var labels = ng.Labels.Where(l => l.Key != policy.Markers.Label.Key).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var taints = ng.Taints.Where(t => t.Key != policy.Markers.Taint.Key).ToList();
        var parameters = Common(ng) with
        {
            TargetNodegroup = name,
            CreateTarget = true,
            AmiType = migration.To,
            InstanceTypes = ng.InstanceTypes,
            Subnets = ng.Subnets,
            NodeRole = ng.NodeRole ?? "",
            CapacityType = ng.CapacityType ?? "ON_DEMAND",
            Labels = new SortedDictionary<string, string>(labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal),
            Taints = taints,
            KubernetesVersion = ng.KubernetesVersion,
        };

        var candidate = Create(group, ng, name, parameters,
            $"create {name} ({migration.To}, Kubernetes {ng.KubernetesVersion ?? "of the cluster"}, {string.Join('/', ng.InstanceTypes)}, {ng.CapacityType ?? "ON_DEMAND"}, the old group's subnets, labels, taints and scaling {Num(ng.MinSize ?? 0)}/{Num(ng.MaxSize ?? 0)}/{Num(ng.DesiredSize ?? 0)})");
        var problem =
            ng.UsesLaunchTemplate ? "the old node group uses a launch template (possibly a custom AMI): a launch template is not migrated automatically; create the target by hand, then plan again"
            : !IdentifierRules.IsNodegroupName(name) ? $"target name '{RemedyPlanner.Printable(name)}' is not a valid node-group name (<= 63 chars of [A-Za-z0-9_-])"
            : placement.Nodegroup(group.Key.Cluster, name) is { } existing ? $"node group {name} already exists (status {existing.Status ?? "unknown"}) but is not a compatible healthy group with room"
            : ng.Subnets.Count == 0 || !ng.Subnets.All(IdentifierRules.IsSubnetId) ? "the inventory lacks valid subnets of the old node group"
            : !IdentifierRules.IsRoleArn(ng.NodeRole) ? "the inventory lacks a valid node role ARN of the old node group"
            : ng.InstanceTypes.Count == 0 || !ng.InstanceTypes.All(IdentifierRules.IsInstanceType) ? "the inventory lacks valid instance types of the old node group"
            : labels.Any(l => !IdentifierRules.IsLabelKey(l.Key) || !IdentifierRules.IsLabelValue(l.Value)) ? "a label of the old node group is not a valid Kubernetes label"
            : null;
        return problem is null ? candidate : candidate.Skip(problem);
    }

    private EksMigrateNodegroupParameters Common(NodegroupInventory ng)
    {
        var m = policy.Migration;
        var fence = m.Fence == "label" ? policy.Markers.Label : null;
        return new EksMigrateNodegroupParameters
        {
            MinSize = ng.MinSize ?? 0,
            MaxSize = ng.MaxSize ?? Math.Max(1, ng.DesiredSize ?? 1),
            DesiredSize = ng.DesiredSize ?? ng.Instances.Count,
            Fence = m.Fence,
            FenceKey = fence?.Key ?? policy.Markers.Taint.Key,
            FenceValue = fence?.Value ?? policy.Markers.Taint.Value,
            FenceEffect = "NO_SCHEDULE",
            DrainStep = m.DrainStep,
            Retire = m.Retire,
        };
    }

    private Candidate Create(FailureGroup group, NodegroupInventory ng, string target, EksMigrateNodegroupParameters parameters, string prepare)
    {
        var key = group.Key;
        var m = policy.Migration;
        var fence = m.Fence == "label"
            ? $"label {parameters.FenceKey}={parameters.FenceValue} (workloads steer away by node affinity)"
            : $"taint {parameters.FenceKey}={parameters.FenceValue}:NO_SCHEDULE (UpdateNodegroupConfig)";
        var stages = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"migrate the workloads of {ng.Name} (cannot restore InstantOn: {key.Cause}) to {target}, one stage per reconcile run: ")
            .Append(CultureInfo.InvariantCulture, $"1 prepare: {prepare}; ")
            .Append(CultureInfo.InvariantCulture, $"2 wait until {target} is ACTIVE with {Num(parameters.TargetDesiredSize ?? parameters.DesiredSize)} running instance(s) (alert after {Num(m.StageTimeoutMinutes)} min); ")
            .Append(CultureInfo.InvariantCulture, $"3 fence {ng.Name}: {fence}; ")
            .Append(CultureInfo.InvariantCulture, $"4 drain: scale {ng.Name} from {Num(parameters.DesiredSize)} to 0, at most {Num(m.DrainStep)} node(s) per run, never below the capacity {target} has proven (EKS drains the removed nodes); ")
            .Append(CultureInfo.InvariantCulture, $"5 verify: {Num(m.VerifySuccesses)} successful restore(s) of the affected workloads on {target} and no new failure on {ng.Name}; ")
            .Append(m.Retire == "delete"
                ? $"6 retire: delete {ng.Name} (DeleteNodegroup) - asked for with its own approval"
                : $"6 retire: {ng.Name} stays at 0 nodes with its fence");
        var undo = $"runbook rollback {ng.Name}: restore its scaling {Num(parameters.MinSize)}/{Num(parameters.MaxSize)}/{Num(parameters.DesiredSize)} (min/max/desired) and remove the fence; "
            + (parameters.CreateTarget ? $"delete {target} only with deleteCreatedNodegroup" : $"{target} keeps its new size");
        return ActionFactory.Create(ActionTypes.EksMigrateNodegroup, key, group, stages.ToString(), undo, disruptive: true, parameters, discriminator: target)
            with { TouchesNodegroup = true, Rolling = true };
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
