using System.Globalization;
using InstantOnRemediate.Core.Actions.Definitions;
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
        var others = planned.Where(c => c.Action.Type != ActionTypes.None && c.Action.Cause == cause && (group.Nodegroups.Count > 0 || c.Key.Nodegroup == key.Nodegroup)).ToList();
        var failing = group.Nodegroups.Count > 0 ? group.Nodegroups : [key.Nodegroup];
        var parameters = new NotifyParameters
        {
            Cause = cause,
            Remedy = group.Remedy,
            Failures = group.AlertFailures,
            Pods = group.PodNames.Count,
            PodNames = group.PodNames,
            WindowMinutes = window,
            FirstSeen = SafetyGates.Time(group.FirstSeen),
            Nodegroups = failing,
            Fix = RemedyAdvice.For(cause, group.CatalogFix),
            OldFailures = group.OldFailures > 0 ? group.OldFailures : null,
            ActionsHeld = actionsHeld,
            Paused = paused ? true : null,
            Storm = storm ? true : null,
            Actions = others.Count > 0 ? [.. others.Take(10).Select(c => $"{c.Action.Type} {Subject(c.Action)} ({c.Action.Status})")] : null,
        };
        if (group.Remedy == RemedyClasses.NodeKernel)
        {
            parameters = WithSteering(cluster, failing, parameters);
        }
        else if (group.Remedy == RemedyClasses.Hardware)
        {
            parameters = WithHardwareSteering(cluster, failing, parameters);
        }

        // Rate limit: one alert per group per window; the next one is a follow-up with the counts of then.
        var earlier = recentClaims.Where(c => c.Type == ActionTypes.Notify && c.Cluster == cluster && c.Nodegroup == nodegroup && c.Cause == cause)
            .OrderByDescending(c => c.ClaimedAt).ToList();
        if (earlier.Count > 0)
        {
            parameters = parameters with { PreviousAlert = SafetyGates.Time(earlier[0].ClaimedAt) };
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

    private NotifyParameters WithSteering(string cluster, IReadOnlyList<string> failing, NotifyParameters parameters)
    {
        var label = policy.Markers.Label;
        var compatible = planner.CompatibleHealthy(cluster, except: null).Where(n => !failing.Contains(n.Name)).Select(n => n.Name).ToList();
        return parameters with
        {
            Affinity = $"requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions[]: {{key: {label.Key}, operator: NotIn, values: [{label.Value}]}}",
            CompatibleNodegroups = compatible,
            NodeSelector = compatible.Count > 0 ? $"eks.amazonaws.com/nodegroup: {compatible[0]}" : null,
        };
    }

    private NotifyParameters WithHardwareSteering(string cluster, IReadOnlyList<string> failing, NotifyParameters parameters)
    {
        var inventory = placement.Inventory(cluster);
        var failingTypes = (inventory?.Nodegroups ?? []).Where(n => failing.Contains(n.Name)).SelectMany(n => n.InstanceTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var failingArch = (inventory?.Nodegroups ?? []).Where(n => failing.Contains(n.Name)).SelectMany(n => n.Instances).Select(i => i.Architecture).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return parameters with
        {
            FailingInstanceTypes = failingTypes.Count > 0 ? failingTypes : null,
            NodeSelector = failingTypes.Count > 0 ? "node.kubernetes.io/instance-type (pin to the instance family the image was checkpointed on)" : parameters.NodeSelector,
            FailingArchitectures = failingArch.Count > 0 ? failingArch : null,
        };
    }

    private static string Subject(PlanAction action) =>
        action.Parameters is EksCreateNodegroupParameters created ? created.NodegroupName
        : action.Target.Nodegroup ?? string.Join(' ', action.Target.InstanceIds);

    private static string Clip(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + $", +{names.Count - 5} more";
}
