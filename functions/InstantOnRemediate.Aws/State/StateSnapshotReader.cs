using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Aws.State;

/// <summary>Reads, for the clusters of a batch, the snapshot Decide needs (windows from each cluster's policy).</summary>
public static class StateSnapshotReader
{
    /// <summary>Alert claims are read this many alert windows back, so a follow-up knows when people were first told.</summary>
    private const int AlertClaimLookback = 4;

    public static async Task<StateSnapshot> ReadAsync(IStateStore store, IEnumerable<string> clusters, PolicySet policies, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        var snapshot = StateSnapshot.Empty(now);
        var pause = await store.GetPauseAsync(cancellationToken).ConfigureAwait(false);
        snapshot = snapshot with { Paused = pause?.Paused ?? false, PausedBy = pause is { Paused: true } ? pause.Source : null };
        foreach (var cluster in clusters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var policy = policies.For(cluster);
            snapshot = snapshot with
            {
                RecentFailures = [.. snapshot.RecentFailures, .. await store.GetRecentFailuresAsync(cluster, now.AddMinutes(-policy.Thresholds.WindowMinutes), cancellationToken).ConfigureAwait(false)],
                RecentClaims = [.. snapshot.RecentClaims, .. await store.GetRecentClaimsAsync(cluster, now.AddMinutes(-Math.Max(policy.BlastRadius.TouchWindowMinutes, AlertClaimLookback * policy.Thresholds.WindowMinutes)), cancellationToken).ConfigureAwait(false)],
                Cooldowns = [.. snapshot.Cooldowns, .. await store.GetCooldownsAsync(cluster, cancellationToken).ConfigureAwait(false)],
                InFlight = [.. snapshot.InFlight, .. await store.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false)],
                VerifiedFixes = [.. snapshot.VerifiedFixes, .. await store.GetVerifiedFixesAsync(cluster, cancellationToken).ConfigureAwait(false)],
                Approvals = [.. snapshot.Approvals, .. await store.GetApprovalsAsync(cluster, cancellationToken).ConfigureAwait(false)],
            };
        }

        return snapshot;
    }
}
