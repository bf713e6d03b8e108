using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Events;

/// <summary>
/// Folds events of many accounts into the central view. Pure and order-independent: events are deduplicated on
/// eventId and applied in (occurredAt, eventId) order, so a replay, a late delivery or a second copy gives the same
/// view. Rules per kind:
/// <list type="bullet">
/// <item>nodegroup-verdict-changed sets the verdict; any event carrying a newer verdict does too;</item>
/// <item>restore-failure-group opens (or refreshes) the episode of its cause;</item>
/// <item>fix-verified closes the episode of its cause (all open episodes when it names none);</item>
/// <item>escalation marks the matching open episodes escalated and counts;</item>
/// <item>action-* and migration-stage record the last action and the migration stage.</item>
/// </list>
/// A node group cannot restore InstantOn when its verdict is incompatible, or when an episode with a node-side
/// remedy (node-kernel, node-config, hardware) is open.
/// </summary>
public static class FleetAggregator
{
    public const string NoNodegroup = "-";

    private static readonly HashSet<string> NodeSide = [RemedyClasses.NodeKernel, RemedyClasses.NodeConfig, RemedyClasses.Hardware];

    public static FleetView Fold(IEnumerable<RemediationEventDetail> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var unique = new List<RemediationEventDetail>();
        foreach (var e in events)
        {
            if (seen.Add(e.EventId))
            {
                unique.Add(e);
            }
            else
            {
                duplicates++;
            }
        }

        var groups = new Dictionary<(string, string, string, string), State>();
        foreach (var e in unique.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal))
        {
            var key = (e.Account, e.Region, e.Cluster, e.Nodegroup ?? NoNodegroup);
            if (!groups.TryGetValue(key, out var state))
            {
                groups[key] = state = new State();
            }

            Apply(state, e);
        }

        var nodegroups = groups
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Item3, StringComparer.Ordinal).ThenBy(g => g.Key.Item4, StringComparer.Ordinal)
            .Select(g => View(g.Key, g.Value))
            .ToList();
        return new FleetView
        {
            Nodegroups = nodegroups,
            Summary = new FleetSummary
            {
                Accounts = nodegroups.Select(n => n.Account).Distinct(StringComparer.Ordinal).Count(),
                Nodegroups = nodegroups.Count(n => n.Nodegroup != NoNodegroup),
                CannotRestore = nodegroups.Count(n => n.CanRestore == false),
                OpenEpisodes = nodegroups.Sum(n => n.OpenEpisodes.Count),
                Events = unique.Count,
                Duplicates = duplicates,
            },
        };
    }

    private static void Apply(State state, RemediationEventDetail e)
    {
        state.LastEventAt = e.OccurredAt;
        if (e.Verdict is not null)
        {
            state.Verdict = e.Verdict;
            state.VerdictAt = e.OccurredAt;
        }

        switch (e.Kind)
        {
            case RemediationEventKinds.RestoreFailureGroup when e.Cause is not null:
                state.Episodes[e.Cause] = state.Episodes.TryGetValue(e.Cause, out var open)
                    ? open with { LastSeenAt = e.OccurredAt, Failures = e.Failures ?? open.Failures, Remedy = e.Remedy ?? open.Remedy, Severity = e.Severity }
                    : new FleetEpisode { Cause = e.Cause, Remedy = e.Remedy, OpenedAt = e.OccurredAt, LastSeenAt = e.OccurredAt, Failures = e.Failures ?? 0, Severity = e.Severity };
                break;
            case RemediationEventKinds.FixVerified:
                foreach (var cause in Matching(state, e.Cause))
                {
                    state.Episodes.Remove(cause);
                }

                break;
            case RemediationEventKinds.Escalation:
                state.Escalations++;
                foreach (var cause in Matching(state, e.Cause))
                {
                    state.Episodes[cause] = state.Episodes[cause] with { Escalated = true };
                }

                break;
            case RemediationEventKinds.MigrationStage:
                state.MigrationStage = e.Stage;
                break;
            case RemediationEventKinds.ActionPlanned or RemediationEventKinds.ActionAwaitingApproval or RemediationEventKinds.ActionExecuted
                or RemediationEventKinds.ActionFailed or RemediationEventKinds.ActionRolledBack:
                state.LastAction = new FleetLastAction { Kind = e.Kind, ActionType = e.ActionType, ActionId = e.ActionId, At = e.OccurredAt, Reason = e.Reason };
                break;
        }
    }

    private static List<string> Matching(State state, string? cause) =>
        cause is null ? [.. state.Episodes.Keys] : state.Episodes.ContainsKey(cause) ? [cause] : [];

    private static FleetNodegroup View((string Account, string Region, string Cluster, string Nodegroup) key, State state)
    {
        var episodes = state.Episodes.Values.OrderBy(e => e.OpenedAt).ThenBy(e => e.Cause, StringComparer.Ordinal).ToList();
        var nodeSide = episodes.Where(e => e.Remedy is not null && NodeSide.Contains(e.Remedy)).ToList();
        var (canRestore, why) = state.Verdict?.Status switch
        {
            CompatibilityStatuses.Incompatible => (false, $"verdict incompatible ({state.Verdict.Source}{Missing(state.Verdict)}){(state.Verdict.Reason is null ? "" : ": " + state.Verdict.Reason)}"),
            _ when nodeSide.Count > 0 => ((bool?)false, "restores failing on the node group: " + string.Join(", ", nodeSide.Select(e => $"{e.Cause} ({e.Remedy}) since {e.OpenedAt:yyyy-MM-ddTHH:mm:ssZ}"))),
            CompatibilityStatuses.Compatible => (true, $"verdict compatible ({state.Verdict.Source}){(episodes.Count > 0 ? "; open episodes are not node-side" : "")}"),
            _ => ((bool?)null, episodes.Count > 0 ? "no verdict; open episodes are not node-side" : "no verdict yet"),
        };
        return new FleetNodegroup
        {
            Account = key.Account,
            Region = key.Region,
            Cluster = key.Cluster,
            Nodegroup = key.Nodegroup,
            CanRestore = canRestore,
            Why = why,
            Verdict = state.Verdict,
            VerdictAt = state.VerdictAt,
            OpenEpisodes = episodes,
            LastAction = state.LastAction,
            MigrationStage = state.MigrationStage,
            Escalations = state.Escalations,
            LastEventAt = state.LastEventAt,
        };
    }

    private static string Missing(EventVerdict verdict) => verdict.Missing.Count == 0 ? "" : "; lacks " + string.Join(", ", verdict.Missing);

    private sealed class State
    {
        public EventVerdict? Verdict { get; set; }

        public DateTimeOffset? VerdictAt { get; set; }

        public Dictionary<string, FleetEpisode> Episodes { get; } = new(StringComparer.Ordinal);

        public FleetLastAction? LastAction { get; set; }

        public string? MigrationStage { get; set; }

        public int Escalations { get; set; }

        public DateTimeOffset LastEventAt { get; set; }
    }
}
