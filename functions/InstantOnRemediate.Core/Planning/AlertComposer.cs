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
    /// <summary>
    /// The alert of one (cluster, node group, cause) group, or null while the evidence is not enough yet
    /// (<see cref="AlertRule"/>). One alert per group per alert window (the threshold window): a group already
    /// alerted within the window is a skipped entry that says when the follow-up with updated counts may go.
    /// </summary>
    public Candidate? Compose(FailureGroup group, string? actionsHeld, IReadOnlyList<Candidate> planned, bool storm, bool paused,
        IReadOnlyList<ActionClaim> recentClaims, DateTimeOffset now)
    {
        var key = group.Key;
        var cluster = key.Cluster;
        var cause = key.Cause;
        var nodegroup = key.Nodegroup == RemediationKey.UnknownNodegroup ? null : key.Nodegroup;
        if (AlertRule.Waiting(group, placement.Nodegroup(cluster, key.Nodegroup)) is not null)
        {
            return null; // not enough evidence yet: nothing is sent (the group's 'none' entry says why no action either)
        }

        var window = policy.Thresholds.WindowMinutes;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["cause"] = cause,
            ["remedy"] = group.Remedy,
            ["failures"] = Num(group.AlertFailures),
            ["pods"] = Num(group.PodNames.Count),
            ["podNames"] = string.Join(',', group.PodNames),
            ["windowMinutes"] = Num(window),
            ["firstSeen"] = SafetyGates.Time(group.FirstSeen),
            [PlanActionKeys.NodegroupsParameter] = group.Nodegroups.Count > 0 ? string.Join(',', group.Nodegroups) : key.Nodegroup,
            ["fix"] = RemedyAdvice.For(cause, group.CatalogFix),
        };
        if (group.OldFailures > 0)
        {
            parameters["oldFailures"] = Num(group.OldFailures);
        }

        if (actionsHeld is not null)
        {
            parameters["actionsHeld"] = actionsHeld;
        }

        if (paused)
        {
            parameters["paused"] = "true";
        }

        if (group.Remedy == RemedyClasses.NodeKernel)
        {
            AddSteering(cluster, group.Nodegroups.Count > 0 ? group.Nodegroups : [key.Nodegroup], parameters);
        }
        else if (group.Remedy == RemedyClasses.Hardware)
        {
            AddHardwareSteering(cluster, group.Nodegroups.Count > 0 ? group.Nodegroups : [key.Nodegroup], parameters);
        }

        var others = planned.Where(c => c.Action.Type != ActionTypes.None && c.Action.Cause == cause && (group.Nodegroups.Count > 0 || c.Key.Nodegroup == key.Nodegroup)).ToList();
        if (others.Count > 0)
        {
            parameters["actions"] = string.Join("; ", others.Take(10).Select(c => $"{c.Action.Type} {Subject(c.Action)} ({c.Action.Status})"));
        }

        if (storm)
        {
            parameters["storm"] = "true";
        }

        // Rate limit: one alert per group per window; the next one is a follow-up with the counts of then.
        var earlier = recentClaims.Where(c => c.Type == ActionTypes.Notify && c.Cluster == cluster && c.Nodegroup == nodegroup && c.Cause == cause)
            .OrderByDescending(c => c.ClaimedAt).ToList();
        if (earlier.Count > 0)
        {
            parameters["previousAlert"] = SafetyGates.Time(earlier[0].ClaimedAt);
        }

        var bucket = now.ToUnixTimeSeconds() / (Math.Max(1, window) * 60L);
        var candidate = ActionFactory.Create(
            ActionTypes.Notify, key, group,
            $"{group.AlertFailures} failed InstantOn restore(s) across {group.PodNames.Count} pod(s) on {(group.Nodegroups.Count > 0 ? $"{group.Nodegroups.Count} node groups" : "node group " + key.Nodegroup)} of {cluster}: {cause} ({group.Remedy})"
                + (group.OldFailures > 0 ? $", {group.OldFailures} of them older than the {window}-min window" : "")
                + (storm ? " - storm: node-group changes held" : "")
                + (paused ? " - remediation paused: alert only" : ""),
            "nothing to undo (an alert)",
            disruptive: false,
            parameters,
            discriminator: key.Nodegroup + "@" + bucket.ToString(CultureInfo.InvariantCulture),
            nodegroup: nodegroup);
        candidate = candidate with { Action = candidate.Action with { Target = candidate.Action.Target with { Recipient = policy.Notifications.TopicArn } } };
        if (earlier.Count > 0 && earlier[0].ClaimedAt > now.AddMinutes(-window))
        {
            return candidate.Skip($"people were told at {SafetyGates.Time(earlier[0].ClaimedAt)}; the follow-up with updated counts goes no sooner than {SafetyGates.Time(earlier[0].ClaimedAt.AddMinutes(window))}");
        }

        return policy.Notifications.TopicArn is null
            ? candidate.Skip("no SNS topic configured (notifications.topicArn): the alert stays in the plan and the logs")
            : candidate;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

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
