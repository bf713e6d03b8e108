using System.Globalization;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// One alert per (cluster, cause): what failed where, why, the exact fix, where to steer, and what else the plan does.
/// Parameters are derived values only (names validated by the inventory, fixed advice text), never log lines.
/// </summary>
internal sealed class AlertComposer(RemediationPolicy policy, RemedyPlanner planner, Placement placement)
{
    public Candidate Compose(string cluster, string cause, IReadOnlyList<FailureGroup> groups, IReadOnlyList<Candidate> planned, bool storm)
    {
        var first = groups[0];
        var nodegroups = groups.Select(g => g.Key.Nodegroup).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var failures = groups.Sum(g => g.Failures);
        var pods = groups.Sum(g => g.Pods);
        var where = nodegroups.Count == 1 ? $"node group {nodegroups[0]}" : $"{nodegroups.Count} node groups ({Clip(nodegroups)})";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["cause"] = cause,
            ["remedy"] = first.Remedy,
            ["failures"] = failures.ToString(CultureInfo.InvariantCulture),
            ["pods"] = pods.ToString(CultureInfo.InvariantCulture),
            ["windowMinutes"] = policy.Thresholds.WindowMinutes.ToString(CultureInfo.InvariantCulture),
            [PlanActionKeys.NodegroupsParameter] = string.Join(',', nodegroups),
            ["fix"] = RemedyAdvice.For(cause, first.CatalogFix),
        };

        if (first.Remedy == RemedyClasses.NodeKernel)
        {
            AddSteering(cluster, nodegroups, parameters);
        }
        else if (first.Remedy == RemedyClasses.Hardware)
        {
            AddHardwareSteering(cluster, nodegroups, parameters);
        }

        var others = planned.Where(c => c.Action.Type != ActionTypes.None && c.Action.Cause == cause).ToList();
        if (others.Count > 0)
        {
            var described = others.Take(10).Select(c => $"{c.Action.Type} {Subject(c.Action)} ({c.Action.Status})").ToList();
            if (others.Count > 10)
            {
                described.Add($"+{others.Count - 10} more");
            }

            parameters["actions"] = string.Join("; ", described);
        }

        if (storm)
        {
            parameters["storm"] = "true";
        }

        var key = new RemediationKey(cluster, RemediationKey.UnknownNodegroup, cause);
        var allFindings = new FailureGroup
        {
            Key = key,
            Remedy = first.Remedy,
            Findings = [.. groups.SelectMany(g => g.Findings).OrderBy(f => f.Id, StringComparer.Ordinal)],
        };
        var candidate = ActionFactory.Create(
            ActionTypes.Notify, key, allFindings,
            $"{failures} failed InstantOn restore(s) across {pods} pod(s) in {policy.Thresholds.WindowMinutes} min on {where} of {cluster}: {cause} ({first.Remedy})" + (storm ? " - storm: node-group changes held" : ""),
            "nothing to undo (an alert)",
            disruptive: false,
            parameters,
            discriminator: string.Join(',', nodegroups),
            nodegroup: nodegroups.Count == 1 && nodegroups[0] != RemediationKey.UnknownNodegroup ? nodegroups[0] : null);
        candidate = candidate with { Action = candidate.Action with { Target = candidate.Action.Target with { Recipient = policy.Notifications.TopicArn } } };
        return policy.Notifications.TopicArn is null
            ? candidate.Skip("no SNS topic configured (notifications.topicArn): the alert stays in the plan and the logs")
            : candidate;
    }

    public Candidate? Escalate(ApprovalRecord pending, DateTimeOffset now)
    {
        var overdue = now - pending.PendingSince;
        if (pending.ApprovedBy is not null || overdue < TimeSpan.FromMinutes(policy.Escalation.ApprovalTimeoutMinutes))
        {
            return null;
        }

        var key = new RemediationKey(pending.Cluster, RemediationKey.UnknownNodegroup, "approval-timeout");
        var candidate = ActionFactory.Create(
            ActionTypes.Notify, key, group: null,
            $"action {pending.ActionId} in {pending.Cluster} has waited for approval since {SafetyGates.Time(pending.PendingSince)} (over {policy.Escalation.ApprovalTimeoutMinutes} min): approve with runbook apply or reject it",
            "nothing to undo (an alert)",
            disruptive: false,
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["escalation"] = "approval-timeout", ["actionId"] = pending.ActionId },
            discriminator: pending.ActionId);
        candidate = candidate with { Action = candidate.Action with { Target = candidate.Action.Target with { Recipient = policy.Notifications.TopicArn } } };
        return policy.Notifications.TopicArn is null ? candidate.Skip("no SNS topic configured (notifications.topicArn)") : candidate;
    }

    private void AddSteering(string cluster, IReadOnlyList<string> failing, SortedDictionary<string, string> parameters)
    {
        var label = policy.Markers.Label;
        var compatible = planner.CompatibleHealthy(cluster, except: null).Where(n => !failing.Contains(n.Name)).Select(n => n.Name).ToList();
        parameters["affinity"] = $"requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions[]: {{key: {label.Key}, operator: NotIn, values: [{label.Value}]}}";
        if (compatible.Count > 0)
        {
            parameters["compatibleNodegroups"] = string.Join(',', compatible);
            parameters["nodeSelector"] = $"eks.amazonaws.com/nodegroup: {compatible[0]}";
        }
        else
        {
            parameters["compatibleNodegroups"] = "";
        }
    }

    private void AddHardwareSteering(string cluster, IReadOnlyList<string> failing, SortedDictionary<string, string> parameters)
    {
        var inventory = placement.Inventory(cluster);
        var failingTypes = (inventory?.Nodegroups ?? []).Where(n => failing.Contains(n.Name)).SelectMany(n => n.InstanceTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var failingArch = (inventory?.Nodegroups ?? []).Where(n => failing.Contains(n.Name)).SelectMany(n => n.Instances).Select(i => i.Architecture).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (failingTypes.Count > 0)
        {
            parameters["failingInstanceTypes"] = string.Join(',', failingTypes);
            parameters["nodeSelector"] = "node.kubernetes.io/instance-type (pin to the instance family the image was checkpointed on)";
        }

        if (failingArch.Count > 0)
        {
            parameters["failingArchitectures"] = string.Join(',', failingArch);
        }
    }

    private static string Subject(PlanAction action) =>
        action.Parameters.TryGetValue("nodegroupName", out var created) ? created
        : action.Target.Nodegroup ?? string.Join(' ', action.Target.InstanceIds);

    private static string Clip(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + $", +{names.Count - 5} more";
}
