using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>Reconcile, step 1: read where every in-flight action stands (what follows is <see cref="ReconcileDecider.Follow"/>).</summary>
internal sealed partial class ReconcileRun
{
    /// <returns>What was read, and whether a diagnostics run recorded what a node group's nodes reported (the inventory is then read again).</returns>
    private async Task<(List<FollowObservation> Observations, bool Probed)> ObserveInFlightAsync(string cluster, ClusterInventory? inventory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var observations = new List<FollowObservation>();
        var probed = false;
        foreach (var action in await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            if (action.Type == ActionTypes.EksMigrateNodegroup)
            {
                continue; // a migration is followed stage by stage by its own step (ReconcileRun.Migrate)
            }

            if (follower is null)
            {
                observations.Add(new FollowObservation(action, new FollowResult(FollowStatuses.NotFollowed, "local run without --aws: the action's status is not read"), null));
                continue;
            }

            FollowResult result;
            List<string> notes = [];
            try
            {
                result = await follower.FollowAsync(action, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new FollowResult(FollowStatuses.Unknown, $"status could not be read ({e.GetType().Name}: {e.Message}); read again next run");
                notes.Add($"could not follow {action.Type} {action.ActionId} on {cluster}: {e.Message} (retried next run)");
            }

            try
            {
                var (probe, verdict) = await ReadDiagnosticsAsync(action, result, inventory, now, cancellationToken).ConfigureAwait(false);
                probed |= probe is not null;
                observations.Add(new FollowObservation(action, result, verdict) { Probe = probe, Notes = notes });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"the diagnostics output of {action.ActionId} on {cluster} could not be read ({e.GetType().Name}: {e.Message}); read again next run");
                observations.Add(new FollowObservation(action, null, null) { Notes = notes }); // stays in flight: read again next run
            }
        }

        return (observations, probed);
    }
}
