using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>Remedy class -> candidate actions (DESIGN §6), each with a reason, an undo and validated identifiers.</summary>
internal sealed class RemedyPlanner(RemediationPolicy policy, Placement placement, IReadOnlyDictionary<string, string> releaseCandidates)
{
    /// <summary>Largest node group a reviewed document is sent to automatically (the executor sends it in batches of 50).</summary>
    private const int MaxSsmInstances = SsmRunCommandParameters.MaxInstances;

    public IReadOnlyList<Candidate> Plan(FailureGroup group) => group.Remedy switch
    {
        RemedyClasses.NodeKernel => NodeKernel(group),
        RemedyClasses.NodeConfig => NodeConfig(group),
        RemedyClasses.Unknown => Diagnostics(group),
        _ => [],
    };

    /// <summary>Compatible node groups of the cluster that are healthy and not marked: where InstantOn pods can go.</summary>
    public IReadOnlyList<NodegroupInventory> CompatibleHealthy(string cluster, string? except) =>
        [.. (placement.Inventory(cluster)?.Nodegroups ?? [])
            .Where(n => n.Name != except && n.Compatible == true && n.Status is null or "ACTIVE"
                && !n.Taints.Any(t => t.Key == policy.Markers.Taint.Key)
                && !(n.Labels.TryGetValue(policy.Markers.Label.Key, out var v) && v == policy.Markers.Label.Value))
            .OrderBy(n => n.Name, StringComparer.Ordinal)];

    private List<Candidate> NodeKernel(FailureGroup group)
    {
        var key = group.Key;
        var result = new List<Candidate>();
        var label = policy.Markers.Label;
        var ng = placement.Nodegroup(key.Cluster, key.Nodegroup);

        var labelAction = ActionFactory.Create(
            ActionTypes.EksLabelNodegroup, key, group,
            $"node group {key.Nodegroup} cannot restore InstantOn checkpoints ({key.Cause}{Missing(ng)}): label it {label.Key}={label.Value} so InstantOn workloads can avoid it",
            $"remove label {label.Key} from node group {key.Nodegroup} (UpdateNodegroupConfig labels.removeLabels)",
            disruptive: false,
            new EksLabelNodegroupParameters { LabelKey = label.Key, LabelValue = label.Value });
        if (Invalid(key, ng) is { } invalid)
        {
            return [labelAction.Skip(invalid)];
        }

        if (ng!.Compatible == true)
        {
            // The verdict is only inferred (AMI catalog) and the log disagrees: ask the nodes; their answer replaces the
            // inference (reconcile records it), and the next failure is planned on what the node said.
            var skipped = labelAction.Skip($"the inventory says {key.Nodegroup} is compatible (kernel {ng.Kernel ?? "?"}, {ng.KernelSource}); the log disagrees - probe a node before marking it");
            return ng.KernelSource == KernelSources.SsmProbe ? [skipped] : [skipped, .. Diagnostics(group)];
        }

        if (ng.Compatible is null)
        {
            result.AddRange(Diagnostics(group)); // nothing known of the kernel: the nodes tell, while the label keeps InstantOn pods away
        }

        result.Add(ng.Labels.TryGetValue(label.Key, out var existing) && existing == label.Value
            ? labelAction.Skip("the node group already carries the label")
            : labelAction with { TouchesNodegroup = true });

        if (policy.Markers.Taint.Enabled)
        {
            result.Add(Taint(group, ng));
        }

        if (CompatibleHealthy(key.Cluster, key.Nodegroup) is { Count: > 0 } compatible)
        {
            if (policy.Migration.Enabled && new MigrationPlanner(policy, placement).IntoExisting(group, ng, compatible) is { } migrate)
            {
                result.Add(migrate); // a staged move into existing capacity (policy migration.enabled)
            }

            return result; // steering to existing capacity goes into the alert
        }

        if (releaseCandidates.TryGetValue($"{key.Cluster}/{key.Nodegroup}", out var release))
        {
            result.Add(VersionUpdate(group, ng, release));
        }
        else if (policy.AmiTypeMigrations.FirstOrDefault(m => m.From == ng.AmiType) is { } migration)
        {
            result.Add(policy.Migration.Enabled ? new MigrationPlanner(policy, placement).IntoClone(group, ng, migration) : Clone(group, ng, migration));
        }

        return result;
    }

    private Candidate Taint(FailureGroup group, NodegroupInventory ng)
    {
        var key = group.Key;
        var taint = policy.Markers.Taint;
        var candidate = ActionFactory.Create(
            ActionTypes.EksTaintNodegroup, key, group,
            $"taint node group {key.Nodegroup} {taint.Key}={taint.Value}:{taint.Effect} so pods without a toleration stop landing on capacity that cannot restore",
            $"remove taint {taint.Key}:{taint.Effect} from node group {key.Nodegroup} (UpdateNodegroupConfig taints.removeTaints)",
            disruptive: taint.Effect == "NO_EXECUTE",
            new EksTaintNodegroupParameters { TaintKey = taint.Key, TaintValue = taint.Value, TaintEffect = taint.Effect });
        if (ng.Taints.Any(t => t.Key == taint.Key && t.Effect == taint.Effect))
        {
            return candidate.Skip("the node group already carries the taint");
        }

        var remaining = CompatibleHealthy(key.Cluster, key.Nodegroup).Count;
        var min = policy.BlastRadius.MinCompatibleHealthyNodegroups;
        if (remaining < min)
        {
            return candidate.Skip($"min-healthy: only {remaining} other compatible healthy node group(s) would remain (policy needs {min}); never taint the last capacity able to run the workload");
        }

        return candidate with { TouchesNodegroup = true };
    }

    private Candidate VersionUpdate(FailureGroup group, NodegroupInventory ng, string release)
    {
        var key = group.Key;
        var parameters = new EksUpdateNodegroupVersionParameters { ReleaseVersion = release, CurrentReleaseVersion = ng.ReleaseVersion ?? "" };
        var candidate = ActionFactory.Create(
            ActionTypes.EksUpdateNodegroupVersion, key, group,
            $"roll node group {key.Nodegroup} from release {ng.ReleaseVersion ?? "?"} to {release}, whose kernel has what CRIU needs",
            $"no automatic undo (EKS does not roll back releases): update node group {key.Nodegroup} to release {ng.ReleaseVersion ?? "its previous release"} by hand if needed",
            disruptive: true,
            parameters,
            discriminator: release) with { TouchesNodegroup = true, Rolling = true };
        if (!IdentifierRules.IsReleaseVersion(release))
        {
            return candidate.Skip($"release candidate '{Printable(release)}' is not a valid EKS releaseVersion");
        }

        if (ng.AmiType == "CUSTOM")
        {
            return candidate.Skip("the node group runs a custom AMI through its launch template: UpdateNodegroupVersion cannot take a releaseVersion; update the launch template instead");
        }

        return candidate;
    }

    private Candidate Clone(FailureGroup group, NodegroupInventory ng, AmiTypeMigration migration)
    {
        var key = group.Key;
        var name = $"{ng.Name}-{migration.NameSuffix}";
        var labels = ng.Labels.Where(l => l.Key != policy.Markers.Label.Key).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var parameters = new EksCreateNodegroupParameters
        {
            SourceNodegroup = ng.Name,
            NodegroupName = name,
            AmiType = migration.To,
            InstanceTypes = ng.InstanceTypes,
            Subnets = ng.Subnets,
            NodeRole = ng.NodeRole ?? "",
            CapacityType = ng.CapacityType ?? "ON_DEMAND",
            MinSize = ng.MinSize ?? 1,
            MaxSize = ng.MaxSize ?? Math.Max(1, ng.DesiredSize ?? 1),
            DesiredSize = ng.DesiredSize ?? ng.MinSize ?? 1,
            Labels = new SortedDictionary<string, string>(labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal),
            KubernetesVersion = ng.KubernetesVersion,
        };
        var candidate = ActionFactory.Create(
            ActionTypes.EksCreateNodegroup, key, group,
            $"no compatible node group exists in {key.Cluster}: create {name}, a clone of {ng.Name} with amiType {migration.To} ({ng.AmiType} cannot be changed in place: UpdateNodegroupVersion has no amiType)",
            $"delete node group {name} (DeleteNodegroup) - only on an explicit rollback request, after workloads left it",
            disruptive: true,
            parameters,
            discriminator: name) with { TouchesNodegroup = true, Rolling = true };

        var problem =
            !IdentifierRules.IsNodegroupName(name) ? $"clone name '{Printable(name)}' is not a valid node-group name (<= 63 chars of [A-Za-z0-9_-])"
            : placement.Nodegroup(key.Cluster, name) is { } existing ? $"node group {name} already exists (status {existing.Status ?? "unknown"})"
            : ng.UsesLaunchTemplate ? "the source node group uses a launch template: clone it by hand (subnets, AMI and user data live in the template)"
            : ng.Subnets.Count == 0 || !ng.Subnets.All(IdentifierRules.IsSubnetId) ? "the inventory lacks valid subnets of the source node group"
            : !IdentifierRules.IsRoleArn(ng.NodeRole) ? "the inventory lacks a valid node role ARN of the source node group"
            : ng.InstanceTypes.Count == 0 || !ng.InstanceTypes.All(IdentifierRules.IsInstanceType) ? "the inventory lacks valid instance types of the source node group"
            : labels.Any(l => !IdentifierRules.IsLabelKey(l.Key) || !IdentifierRules.IsLabelValue(l.Value)) ? "a label of the source node group is not a valid Kubernetes label"
            : null;
        return problem is null ? candidate : candidate.Skip(problem);
    }

    private List<Candidate> NodeConfig(FailureGroup group)
    {
        if (!policy.Ssm.Documents.TryGetValue(group.Key.Cause, out var document))
        {
            return []; // the alert carries the manual fix
        }

        var ng = placement.Nodegroup(group.Key.Cluster, group.Key.Nodegroup);
        var fromGroup = ng?.Instances.Select(i => i.InstanceId) ?? [];
        var ids = fromGroup.Any() ? fromGroup : FailingInstances(group);
        return [SsmCommand(group, document, ids, readOnly: false)];
    }

    private List<Candidate> Diagnostics(FailureGroup group) =>
        policy.Ssm.Diagnostics is { } document ? [SsmCommand(group, document, FailingInstances(group), readOnly: true)] : [];

    private Candidate SsmCommand(FailureGroup group, ReviewedDocument document, IEnumerable<string?> instanceIds, bool readOnly)
    {
        var key = group.Key;
        var all = instanceIds.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var valid = all.Where(IdentifierRules.IsInstanceId).Take(MaxSsmInstances).ToList();
        var where = key.Nodegroup == RemediationKey.UnknownNodegroup ? "the failing nodes" : $"node group {key.Nodegroup}";
        var candidate = ActionFactory.Create(
            ActionTypes.SsmRunCommand, key, group,
            readOnly
                ? $"cause not recognised: run the read-only diagnostics document {document.Name} ({document.Description}) on {where}"
                : $"{key.Cause}: run the reviewed document {document.Name} ({document.Description}) on {where}",
            readOnly ? "nothing to undo (read-only)" : document.UndoName is { } undo ? $"run the reviewed document {undo} on the same instances" : "no reviewed undo document: revert by hand",
            disruptive: false,
            new SsmRunCommandParameters
            {
                DocumentName = document.Name,
                MaxConcurrency = policy.Ssm.MaxConcurrency,
                MaxErrors = policy.Ssm.MaxErrors,
                TimeoutSeconds = policy.Ssm.TimeoutSeconds,
                ReadOnly = readOnly,
            },
            instanceIds: valid) with { TouchesNodegroup = !readOnly && key.Nodegroup != RemediationKey.UnknownNodegroup };
        if (!IdentifierRules.IsClusterName(key.Cluster))
        {
            return candidate.Skip($"cluster name '{Printable(key.Cluster)}' is not a valid EKS cluster name");
        }

        if (valid.Count == 0)
        {
            return candidate.Skip(all.Count == 0 ? "no EC2 instance id is known for the failing nodes" : "none of the known instance ids is valid (i-[0-9a-f]{8,17})");
        }

        return candidate;
    }

    private IEnumerable<string?> FailingInstances(FailureGroup group) =>
        group.Findings.Select(f => placement.InstanceIdOf(group.Key.Cluster, f.Node));

    private static string? Invalid(RemediationKey key, NodegroupInventory? ng) =>
        !IdentifierRules.IsClusterName(key.Cluster) ? $"cluster name '{Printable(key.Cluster)}' is not a valid EKS cluster name"
        : key.Nodegroup == RemediationKey.UnknownNodegroup ? "correlation could not place the failing nodes in a node group"
        : !IdentifierRules.IsNodegroupName(key.Nodegroup) ? $"node-group name '{Printable(key.Nodegroup)}' is not valid (<= 63 chars of [A-Za-z0-9_-])"
        : ng is null ? $"node group {key.Nodegroup} is not in the inventory of {key.Cluster}"
        : null;

    private static string Missing(NodegroupInventory? ng) =>
        ng is { Missing.Count: > 0 } ? $"; kernel {ng.Kernel ?? "?"} lacks {string.Join(", ", ng.Missing)}" : "";

    /// <summary>Quotes an identifier that failed validation without passing control characters or unbounded text on.</summary>
    internal static string Printable(string value)
    {
        var clipped = value.Length > 80 ? value[..80] + "..." : value;
        return new string([.. clipped.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
