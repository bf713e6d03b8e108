using System.Globalization;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// Steps 10-13 of the decision order for one cluster: blast-radius caps (storm brake, one rollout in flight,
/// share of node groups touched), maintenance windows, then mode and approval -> status.
/// </summary>
internal sealed class SafetyGates(RemediationPolicy policy, StateSnapshot state, string cluster, int nodegroupsInCluster, DateTimeOffset now)
{
    public IReadOnlyList<Candidate> Apply(IReadOnlyList<Candidate> candidates, int failingNodegroups)
    {
        var b = policy.BlastRadius;
        var storm = failingNodegroups > b.MaxUnhealthyNodegroups;
        var rolling = state.InFlight.Where(a => a.Cluster == cluster && ActionKinds.Find(a.Type)?.Rolling == true).OrderBy(a => a.ActionId, StringComparer.Ordinal).ToList();
        var rollingCount = rolling.Count;
        var windowStart = now.AddMinutes(-b.TouchWindowMinutes);
        var touched = new SortedSet<string>(
            state.RecentClaims.Where(c => c.Cluster == cluster && ActionKinds.Find(c.Type)?.TouchesNodegroup == true && c.ClaimedAt >= windowStart && c.Nodegroup is not null).Select(c => c.Nodegroup!),
            StringComparer.Ordinal);
        var allowed = Math.Max(1, (int)Math.Floor(b.MaxNodegroupShareTouchedPerWindow * Math.Max(1, nodegroupsInCluster)));

        var result = new List<Candidate>(candidates.Count);
        foreach (var original in candidates)
        {
            var candidate = original;
            if (candidate.IsOpen && candidate.TouchesNodegroup)
            {
                var ng = candidate.Action.Target.Nodegroup ?? RemediationKey.UnknownNodegroup;
                if (storm)
                {
                    candidate = candidate.Skip($"max-unhealthy: {failingNodegroups} node groups of {cluster} are failing (policy tolerates {b.MaxUnhealthyNodegroups}); a storm this wide points to a common cause - node-group changes are held for a person");
                }
                else if (candidate.Rolling && rollingCount >= b.MaxNodegroupUpdatesInFlightPerCluster)
                {
                    var busy = rolling.Count > 0 ? $"{rolling[0].Type} on {rolling[0].Nodegroup ?? "?"} (action {rolling[0].ActionId}) is in flight" : "another rollout comes first in this plan";
                    candidate = candidate.Skip($"one node-group rollout per cluster at a time: {busy}");
                }
                else if (!touched.Contains(ng) && touched.Count >= allowed)
                {
                    candidate = candidate.Skip($"blast radius: {touched.Count} of {nodegroupsInCluster} node groups already touched within {b.TouchWindowMinutes} min (cap {b.MaxNodegroupShareTouchedPerWindow.ToString(CultureInfo.InvariantCulture)} -> {allowed})");
                }
                else
                {
                    touched.Add(ng);
                    if (candidate.Rolling)
                    {
                        rollingCount++;
                    }
                }
            }

            if (candidate.IsOpen && candidate.Action.Disruptive && OutsideMaintenance() is { } outside)
            {
                candidate = candidate.Skip(outside);
            }

            result.Add(candidate.IsOpen ? Status(candidate) : candidate with { Action = candidate.Action with { Mode = ModeOrder.ForAction(policy, candidate.Action.Type) } });
        }

        return result;
    }

    private Candidate Status(Candidate candidate)
    {
        var action = candidate.Action;
        var mode = ModeOrder.ForAction(policy, action.Type);
        action = action with { Mode = mode };
        if (ActionKinds.Of(action.Type).RunsInEveryMode)
        {
            return candidate with { Action = action };
        }

        if (mode == Modes.Observe)
        {
            var skipped = candidate.Skip("observe mode: findings and alerts only");
            return skipped with { Action = skipped.Action with { Mode = mode } };
        }

        if (action.Disruptive && policy.Approval.RequiredForDisruptive && !policy.Approval.Exempt.Contains(action.Type))
        {
            var approval = state.Approvals.FirstOrDefault(a => a.ActionId == action.Id && a.ApprovedBy is not null);
            action = approval is not null
                ? action with { Reason = $"{action.Reason} - approved by {approval.ApprovedBy} at {Time(approval.ApprovedAt ?? now)}" }
                : action with { Status = ActionStatuses.AwaitingApproval, Reason = $"{action.Reason} - disruptive: needs approval (runbook apply {action.Id})" };
        }

        return candidate with { Action = action };
    }

    private string? OutsideMaintenance()
    {
        var windows = policy.MaintenanceWindows;
        if (windows.Count == 0 || windows.Any(w => w.Contains(now)))
        {
            return null;
        }

        var hour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        for (var i = 1; i <= 7 * 24; i++)
        {
            var next = hour.AddHours(i);
            if (windows.Any(w => w.Contains(next)))
            {
                return $"outside the maintenance windows ({string.Join("; ", windows)}); the next opens at {Time(next)}";
            }
        }

        return $"outside the maintenance windows ({string.Join("; ", windows)})";
    }

    internal static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
