using System.Globalization;
using System.Text;
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

        var parameters = Common(ng);
        parameters["targetNodegroup"] = target.Name;
        parameters["createTarget"] = "false";
        parameters["amiType"] = target.AmiType ?? "";
        parameters["targetDesiredSize"] = Num((target.DesiredSize ?? 0) + wanted);
        parameters["targetMaxSize"] = Num(target.MaxSize ?? 0);
        return Create(group, ng, target.Name, parameters,
            $"scale the existing compatible group {target.Name} from {Num(target.DesiredSize ?? 0)} to {Num((target.DesiredSize ?? 0) + wanted)} node(s)");
    }

    /// <summary>Into a new clone with the compatible amiType.</summary>
    public Candidate IntoClone(FailureGroup group, NodegroupInventory ng, AmiTypeMigration migration)
    {
        var name = $"{ng.Name}-{migration.NameSuffix}";
        var labels = ng.Labels.Where(l => l.Key != policy.Markers.Label.Key).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var taints = ng.Taints.Where(t => t.Key != policy.Markers.Taint.Key).ToList();
        var parameters = Common(ng);
        parameters["targetNodegroup"] = name;
        parameters["createTarget"] = "true";
        parameters["amiType"] = migration.To;
        parameters["instanceTypes"] = string.Join(',', ng.InstanceTypes);
        parameters["subnets"] = string.Join(',', ng.Subnets);
        parameters["nodeRole"] = ng.NodeRole ?? "";
        parameters["capacityType"] = ng.CapacityType ?? "ON_DEMAND";
        parameters["labels"] = string.Join(',', labels.Select(l => $"{l.Key}={l.Value}"));
        parameters["taints"] = string.Join(',', taints.Select(t => $"{t.Key}={t.Value}:{t.Effect}"));
        if (ng.KubernetesVersion is not null)
        {
            parameters["kubernetesVersion"] = ng.KubernetesVersion;
        }

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

    private SortedDictionary<string, string> Common(NodegroupInventory ng)
    {
        var m = policy.Migration;
        var fence = m.Fence == "label" ? policy.Markers.Label : null;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["minSize"] = Num(ng.MinSize ?? 0),
            ["maxSize"] = Num(ng.MaxSize ?? Math.Max(1, ng.DesiredSize ?? 1)),
            ["desiredSize"] = Num(ng.DesiredSize ?? ng.Instances.Count),
            ["fence"] = m.Fence,
            ["fenceKey"] = fence?.Key ?? policy.Markers.Taint.Key,
            ["fenceValue"] = fence?.Value ?? policy.Markers.Taint.Value,
            ["fenceEffect"] = "NO_SCHEDULE",
            ["drainStep"] = Num(m.DrainStep),
            ["retire"] = m.Retire,
        };
    }

    private Candidate Create(FailureGroup group, NodegroupInventory ng, string target, SortedDictionary<string, string> parameters, string prepare)
    {
        var key = group.Key;
        var m = policy.Migration;
        var fence = m.Fence == "label"
            ? $"label {parameters["fenceKey"]}={parameters["fenceValue"]} (workloads steer away by node affinity)"
            : $"taint {parameters["fenceKey"]}={parameters["fenceValue"]}:NO_SCHEDULE (UpdateNodegroupConfig)";
        var stages = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"migrate the workloads of {ng.Name} (cannot restore InstantOn: {key.Cause}) to {target}, one stage per reconcile run: ")
            .Append(CultureInfo.InvariantCulture, $"1 prepare: {prepare}; ")
            .Append(CultureInfo.InvariantCulture, $"2 wait until {target} is ACTIVE with {(parameters.TryGetValue("targetDesiredSize", out var targetSize) ? targetSize : parameters["desiredSize"])} running instance(s) (alert after {Num(m.StageTimeoutMinutes)} min); ")
            .Append(CultureInfo.InvariantCulture, $"3 fence {ng.Name}: {fence}; ")
            .Append(CultureInfo.InvariantCulture, $"4 drain: scale {ng.Name} from {parameters["desiredSize"]} to 0, at most {Num(m.DrainStep)} node(s) per run, never below the capacity {target} has proven (EKS drains the removed nodes); ")
            .Append(CultureInfo.InvariantCulture, $"5 verify: {Num(m.VerifySuccesses)} successful restore(s) of the affected workloads on {target} and no new failure on {ng.Name}; ")
            .Append(m.Retire == "delete"
                ? $"6 retire: delete {ng.Name} (DeleteNodegroup) - asked for with its own approval"
                : $"6 retire: {ng.Name} stays at 0 nodes with its fence");
        var undo = $"runbook rollback {ng.Name}: restore its scaling {parameters["minSize"]}/{parameters["maxSize"]}/{parameters["desiredSize"]} (min/max/desired) and remove the fence; "
            + (parameters["createTarget"] == "true" ? $"delete {target} only with deleteCreatedNodegroup" : $"{target} keeps its new size");
        return ActionFactory.Create(ActionTypes.EksMigrateNodegroup, key, group, stages.ToString(), undo, disruptive: true, parameters, discriminator: target)
            with { TouchesNodegroup = true, Rolling = true };
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
