using System.Globalization;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// Decide: findings + inventory + policy + state + now -> plan. A pure function (no clock, I/O or randomness):
/// the same input always gives the same plan, byte for byte. The order of the steps is written down in
/// docs/decision-order.md and mirrored step by step below.
/// </summary>
public static class Decider
{
    public static Plan Decide(DecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = input.Now;
        var notes = new List<string>();
        var placement = new Placement(input.Inventories, input.Correlations);
        var findings = input.Findings.DistinctBy(f => f.Id).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        var planId = ActionIds.PlanId(now, findings.Select(f => f.Id));
        var mode = input.Policy.Account.Mode;

        // 1. Loop guard: never react to our own logs or to ignored namespaces.
        var guarded = findings.Where(f => IsLoopGuarded(f, input.Policy.For(placement.ClusterOf(f)))).ToList();
        if (guarded.Count > 0)
        {
            notes.Add($"loop guard: {guarded.Count} finding(s) from the service's own log groups or ignored namespaces were not considered");
            findings = [.. findings.Except(guarded)];
        }

        // 3 (before pause, so a paused plan says how many failures it holds). Verdict filter: only failures.
        var failures = findings.Where(f => f.Verdict is Verdicts.RestoreFailure or Verdicts.CheckpointFailure).ToList();
        if (failures.Count < findings.Count)
        {
            notes.Add($"{findings.Count - failures.Count} finding(s) were not failures (restore-success or none): nothing to do for them");
        }

        var unplaced = failures.Where(f => placement.ClusterOf(f) is null).ToList();
        if (unplaced.Count > 0)
        {
            notes.Add($"{unplaced.Count} failure(s) carry no cluster name: reported, not acted on");
            failures = [.. failures.Except(unplaced)];
        }

        // 2. Pause: the switch stops every action; detection and alerts go on (DecideCluster).
        var actions = new List<PlanAction>();
        foreach (var byCluster in failures.GroupBy(f => placement.ClusterOf(f)!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            actions.AddRange(DecideCluster(byCluster.Key, [.. byCluster], input, placement));
        }

        return new Plan { Id = planId, Mode = mode, CreatedAt = now.ToUnixTimeMilliseconds(), Actions = actions, Notes = notes };
    }

    private static IEnumerable<PlanAction> DecideCluster(string cluster, List<Finding> failures, DecisionInput input, Placement placement)
    {
        var policy = input.Policy.For(cluster);
        var now = input.Now;
        var state = input.State;
        var planner = new RemedyPlanner(policy, placement, input.ReleaseCandidates);
        var alerts = new AlertComposer(policy, planner, placement);

        // 4. Group by (cluster, node group, cause); 5. thresholds over the window (this batch + remembered failures).
        var groups = Group(cluster, failures, policy, state, placement, now);
        var decided = new List<Candidate>();
        var acting = new List<FailureGroup>();
        var told = new List<(FailureGroup Group, string? Held)>();
        foreach (var group in groups)
        {
            var (held, churn) = HoldActions(group, policy, state, now);
            if (!churn)
            {
                told.Add((group, state.Paused ? "remediation is paused" : held?.Action.Reason));
            }

            if (state.Paused)
            {
                continue; // 2. pause stops actions, not alerts
            }

            if (held is not null)
            {
                if (!(group.Remedy == RemedyClasses.Transient && group.Failures < policy.Thresholds.Failures))
                {
                    decided.Add(held); // transient causes below threshold leave no action trace: retries are expected to clear them
                }

                continue;
            }

            // 9. Candidate actions.
            acting.Add(group);
            decided.AddRange(planner.Plan(group));
        }

        if (state.Paused)
        {
            decided = [Paused(cluster, failures, input, placement, groups.Count)];
        }

        // 10-13. Blast radius, maintenance window, mode/approval -> status.
        var nodegroupsInCluster = placement.Inventory(cluster)?.Nodegroups.Count ?? groups.Select(g => g.Key.Nodegroup).Distinct(StringComparer.Ordinal).Count();
        var failingNodegroups = acting.Where(g => g.Key.Nodegroup != RemediationKey.UnknownNodegroup).Select(g => g.Key.Nodegroup).Distinct(StringComparer.Ordinal).Count();
        var storm = failingNodegroups > policy.BlastRadius.MaxUnhealthyNodegroups;
        var gates = new SafetyGates(policy, state, cluster, nodegroupsInCluster, now);
        var gated = gates.Apply(decided, failingNodegroups).ToList();

        // 14. The alert of each (node group, cause), composed after the gates so it can say what else happens; not
        // gated by the action thresholds (AlertRule), rate-limited to one per alert window, pause or not.
        // A storm (more failing node groups than the policy tolerates) is one alert per cause for all its node groups.
        var alertStorm = told.Select(t => t.Group.Key.Nodegroup).Distinct(StringComparer.Ordinal).Count() > policy.BlastRadius.MaxUnhealthyNodegroups;
        if (alertStorm)
        {
            told = [.. told.GroupBy(t => t.Group.Key.Cause, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Merge(cluster, g.Key, [.. g.Select(t => t.Group)]), g.Select(t => t.Held).FirstOrDefault(h => h is not null)))];
        }

        var notifications = told.Select(t => alerts.Compose(t.Group, t.Held, gated, storm || alertStorm, state.Paused, state.RecentClaims, now)).OfType<Candidate>().ToList();
        return gated.Concat(notifications.Select(n => n with { Action = n.Action with { Mode = policy.Mode } })).Select(c => c.Action);
    }

    /// <summary>
    /// Steps 5-8: why no action is planned for the group yet (threshold, suppression, cooldown, own rollout,
    /// transient retry window), or null when actions may be planned. Churn during the service's own rollout is
    /// not news: neither acted on nor alerted (reconcile reports the rollout's outcome).
    /// </summary>
    private static (Candidate? Held, bool Churn) HoldActions(FailureGroup group, RemediationPolicy policy, StateSnapshot state, DateTimeOffset now)
    {
        var key = group.Key;
        var t = policy.Thresholds;
        if (group.Failures < t.Failures || group.Pods < t.DistinctPods)
        {
            return (ActionFactory.Nothing(key, group,
                $"{group.Failures} failure(s) of {key.Cause} across {group.Pods} pod(s) on {key.Nodegroup} in {t.WindowMinutes} min",
                $"threshold not reached (acting needs {t.Failures} failures across {t.DistinctPods} pods)"), false);
        }

        // 6. Suppression after a verified fix.
        var fix = state.VerifiedFixes.Where(v => v.Key == key).OrderByDescending(v => v.VerifiedAt).FirstOrDefault();
        if (fix is not null && fix.VerifiedAt.AddMinutes(policy.Cooldowns.SuppressAfterVerifiedFixMinutes) > now)
        {
            return (ActionFactory.Nothing(key, group, $"{group.Failures} failure(s) of {key.Cause} on {key.Nodegroup}",
                $"suppressed: a fix was verified at {SafetyGates.Time(fix.VerifiedAt)}{(fix.ActionId is null ? "" : $" (action {fix.ActionId})")}; suppression ends at {SafetyGates.Time(fix.VerifiedAt.AddMinutes(policy.Cooldowns.SuppressAfterVerifiedFixMinutes))}"), false);
        }

        // 7. Cooldown after an action, and churn from our own rollouts (the second half of the loop guard).
        var cooldown = state.Cooldowns.Where(c => c.Key == key && c.Until > now).OrderByDescending(c => c.Until).FirstOrDefault();
        if (cooldown is not null)
        {
            return (ActionFactory.Nothing(key, group, $"{group.Failures} failure(s) of {key.Cause} on {key.Nodegroup}",
                $"cooldown until {SafetyGates.Time(cooldown.Until)}{(cooldown.ActionId is null ? "" : $" after action {cooldown.ActionId}")}"), false);
        }

        var rollout = state.InFlight.Where(a => a.Cluster == key.Cluster && a.Nodegroup == key.Nodegroup && ActionKinds.Of(a.Type).Rolling)
            .OrderBy(a => a.ActionId, StringComparer.Ordinal).FirstOrDefault();
        if (rollout is not null)
        {
            return (ActionFactory.Nothing(key, group, $"{group.Failures} failure(s) of {key.Cause} on {key.Nodegroup}",
                $"{rollout.Type} (action {rollout.ActionId}) is still rolling out on this node group: failures during our own rollout are churn, not news"), true);
        }

        // 8. Remedy class: transient causes get a retry window before the service acts.
        if (group.Remedy == RemedyClasses.Transient && group.FirstSeen.AddMinutes(policy.Escalation.TransientRetryMinutes) > now)
        {
            return (ActionFactory.Nothing(key, group, $"{group.Failures} failure(s) of transient cause {key.Cause} on {key.Nodegroup}",
                $"waiting for retries to clear it until {SafetyGates.Time(group.FirstSeen.AddMinutes(policy.Escalation.TransientRetryMinutes))}"), false);
        }

        return (null, false);
    }

    private static List<FailureGroup> Group(string cluster, List<Finding> failures, RemediationPolicy policy, StateSnapshot state, Placement placement, DateTimeOffset now)
    {
        var windowStart = now.AddMinutes(-policy.Thresholds.WindowMinutes);
        var current = failures.Select(f => (Finding: f, Key: new RemediationKey(cluster, placement.NodegroupOf(cluster, f), f.Cause))).ToList();
        var groups = new List<FailureGroup>();
        foreach (var byKey in current.GroupBy(x => x.Key))
        {
            var key = byKey.Key;
            var batch = byKey.Select(x => x.Finding).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
            var batchObserved = batch.Select(f => (f.Id, Pod: PodName(f.Namespace, f.Pod) ?? f.Id, At: At(f, now))).ToList();
            var observed = batchObserved
                .Concat(state.RecentFailures.Where(o => o.Key == key).Select(o => (Id: o.FindingId, Pod: PodName(o.Namespace, o.Pod) ?? o.FindingId, o.At)))
                .Where(o => o.At >= windowStart)
                .DistinctBy(o => o.Id)
                .ToList();
            var old = batchObserved.Where(o => o.At < windowStart).DistinctBy(o => o.Id).ToList();
            var told = observed.Concat(old).ToList();
            groups.Add(new FailureGroup
            {
                Key = key,
                Remedy = batch[0].Remedy,
                Findings = batch,
                Failures = observed.Count,
                OldFailures = old.Count,
                Pods = told.Select(o => o.Pod).Distinct(StringComparer.Ordinal).Count(),
                PodNames = [.. told.Select(o => o.Pod).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                RepeatedWorkload = told.GroupBy(o => WorkloadNames.Of(o.Pod) ?? o.Pod, StringComparer.Ordinal).Any(g => g.Count() >= 2),
                FirstSeen = told.Count > 0 ? told.Min(o => o.At) : now,
            });
        }

        return [.. groups.OrderByDescending(g => g.Failures).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>The groups of one cause across many node groups, as one (the storm alert); its node group is '-'.</summary>
    private static FailureGroup Merge(string cluster, string cause, List<FailureGroup> groups) => new()
    {
        Key = new RemediationKey(cluster, RemediationKey.UnknownNodegroup, cause),
        Remedy = groups[0].Remedy,
        Findings = [.. groups.SelectMany(g => g.Findings).OrderBy(f => f.Id, StringComparer.Ordinal)],
        Failures = groups.Sum(g => g.Failures),
        OldFailures = groups.Sum(g => g.OldFailures),
        Pods = groups.SelectMany(g => g.PodNames).Distinct(StringComparer.Ordinal).Count(),
        PodNames = [.. groups.SelectMany(g => g.PodNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        RepeatedWorkload = groups.Any(g => g.RepeatedWorkload),
        FirstSeen = groups.Min(g => g.FirstSeen),
        Nodegroups = [.. groups.Select(g => g.Key.Nodegroup).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };

    /// <summary>A pod as alerts and thresholds name it: namespace/pod when the namespace is known.</summary>
    internal static string? PodName(string? ns, string? pod) => pod is null ? null : ns is null ? pod : ns + "/" + pod;

    /// <summary>The episode's time; a finding without timestamps counts as now.</summary>
    private static DateTimeOffset At(Finding finding, DateTimeOffset now) =>
        finding.LastTimestamp > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(finding.LastTimestamp) : now;

    private static bool IsLoopGuarded(Finding finding, RemediationPolicy policy) =>
        (finding.LogGroup is not null && policy.LoopGuard.IgnoreLogGroupPrefixes.Any(p => finding.LogGroup.StartsWith(p, StringComparison.Ordinal)))
        || (finding.Namespace is not null && policy.LoopGuard.IgnoreNamespaces.Contains(finding.Namespace, StringComparer.Ordinal));

    private static Candidate Paused(string cluster, List<Finding> failures, DecisionInput input, Placement placement, int groups)
    {
        var policy = input.Policy.For(cluster);
        var source = input.State.PausedBy ?? policy.Pause.ParameterName;
        var nodegroups = failures.Select(f => placement.NodegroupOf(cluster, f)).Distinct(StringComparer.Ordinal).Count();
        var key = new RemediationKey(cluster, RemediationKey.UnknownNodegroup, "paused");
        var action = new PlanAction
        {
            Id = ActionIds.For(ActionTypes.None, cluster, null, null, "paused"),
            Type = ActionTypes.None,
            Target = new ActionTarget { Cluster = cluster },
            Status = ActionStatuses.Skipped,
            Reason = $"remediation is paused ({source}): {failures.Count.ToString(CultureInfo.InvariantCulture)} failed restore(s) in {groups.ToString(CultureInfo.InvariantCulture)} group(s) on {nodegroups.ToString(CultureInfo.InvariantCulture)} node group(s) recorded and alerted, no action planned; resume with runbook resume",
            FindingIds = [.. failures.Select(f => f.Id)],
            Mode = policy.Mode,
        };
        return new Candidate(action, key);
    }
}
