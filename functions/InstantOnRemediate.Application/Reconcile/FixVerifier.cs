using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// Judges whether an executed remediation fixed the restores, from later restore outcomes. Pure: every input is
/// passed in. Order: too soon → settling; the same cause failing again after the settle time → fix-not-working
/// (even when other restores succeed: the failures still hurt someone); a success of an affected workload or on
/// a target node group → verified; past the escalation timeout → no-outcome; otherwise waiting.
/// </summary>
internal static class FixVerifier
{
    public static VerificationOutcome Judge(
        ExecutedRemediation action,
        IReadOnlySet<string> affectedWorkloads,
        IReadOnlySet<string> targetNodegroups,
        IEnumerable<RestoreSighting> sightings,
        DateTimeOffset now,
        TimeSpan settle,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(affectedWorkloads);
        ArgumentNullException.ThrowIfNull(targetNodegroups);
        ArgumentNullException.ThrowIfNull(sightings);
        var settled = action.At + settle;
        if (now < settled)
        {
            return new VerificationOutcome(VerificationStatuses.Settling, $"executed {Minutes(now - action.At)} ago; judged from {settled:HH:mm}Z once pods had time to reschedule");
        }

        var all = sightings.ToList();
        var failures = all.Where(s => s.Verdict == Verdicts.RestoreFailure && s.Cause == action.Cause && s.At is { } at && at >= settled
            && (s.Nodegroup is null || s.Nodegroup == action.Nodegroup || targetNodegroups.Contains(s.Nodegroup))).ToList();
        var successes = all.Where(s => s.Verdict == Verdicts.RestoreSuccess && (s.At is null || s.At >= action.At)
            && ((s.Nodegroup is not null && targetNodegroups.Contains(s.Nodegroup)) || (WorkloadNames.Of(s.Pod) is { } w && affectedWorkloads.Contains(w) && s.Nodegroup != action.Nodegroup))).ToList();

        if (failures.Count > 0)
        {
            var also = successes.Count > 0 ? $" ({successes.Count} successful restore(s) seen too)" : "";
            return new VerificationOutcome(VerificationStatuses.FixNotWorking,
                $"{action.Cause} failed again {failures.Count} time(s) after {action.Type} {action.ActionId}{also}: the fix did not take")
            {
                Evidence = [.. failures.Take(5).Select(f => f.Describe())],
            };
        }

        if (successes.Count > 0)
        {
            return new VerificationOutcome(VerificationStatuses.Verified,
                $"{successes.Count} restore(s) succeeded after {action.Type} {action.ActionId} and none failed with {action.Cause}")
            {
                Evidence = [.. successes.Take(5).Select(s => s.Describe())],
            };
        }

        if (now >= action.At + timeout)
        {
            return new VerificationOutcome(VerificationStatuses.NoOutcome,
                $"no restore of the affected workloads ({Names(affectedWorkloads)}) or on {Names(targetNodegroups)} was seen in the {Minutes(timeout)} since {action.Type} {action.ActionId}: nobody can tell whether it worked");
        }

        return new VerificationOutcome(VerificationStatuses.Waiting,
            $"no restore outcome of the affected workloads ({Names(affectedWorkloads)}) yet; escalated if none by {action.At + timeout:yyyy-MM-dd HH:mm}Z");
    }

    private static string Names(IReadOnlySet<string> names) => names.Count == 0 ? "none known" : string.Join(", ", names.Order(StringComparer.Ordinal));

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 120 ? $"{span.TotalHours:0.#} h" : $"{Math.Max(0, (int)span.TotalMinutes)} min";
}
