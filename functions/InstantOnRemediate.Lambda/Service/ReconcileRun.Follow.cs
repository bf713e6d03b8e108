using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Lambda.Handlers;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>Reconcile, step 1: follow in-flight actions to their end.</summary>
internal sealed partial class ReconcileRun
{
    /// <returns>Whether a diagnostics run recorded what a node group's nodes reported (the inventory is then read again).</returns>
    private async Task<bool> FollowAsync(string cluster, ClusterInventory? inventory, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var probed = false;
        foreach (var action in await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            if (action.Type == ActionTypes.EksMigrateNodegroup)
            {
                continue; // a migration is followed stage by stage by its own step (ReconcileRun.Migrate)
            }

            FollowResult result;
            if (follower is null)
            {
                result = new FollowResult(FollowStatuses.NotFollowed, "local run without --aws: the action's status is not read");
            }
            else
            {
                try
                {
                    result = await follower.FollowAsync(action, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = new FollowResult(FollowStatuses.Unknown, $"status could not be read ({e.GetType().Name}: {e.Message}); read again next run");
                    notes.Add($"could not follow {action.Type} {action.ActionId} on {cluster}: {e.Message} (retried next run)");
                }
            }

            NodeVerdictReport? verdict = null;
            try
            {
                verdict = await ReadDiagnosticsAsync(action, result, inventory, now, cancellationToken).ConfigureAwait(false);
                probed |= verdict?.Kernel is not null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"the diagnostics output of {action.ActionId} on {cluster} could not be read ({e.GetType().Name}: {e.Message}); read again next run");
                continue; // stays in flight: read again next run
            }

            followed.Add(new FollowedAction
            {
                ActionId = action.ActionId, Type = action.Type, Cluster = cluster, Nodegroup = action.Nodegroup, Reference = action.Reference,
                Status = result.Status, Detail = verdict is null ? result.Detail : $"{result.Detail}; {verdict.Detail}", NodeVerdict = verdict,
            });
            if (!FollowStatuses.IsFinal(result.Status))
            {
                continue;
            }

            await service.State.AppendAuditAsync(new AuditRecord
            {
                Cluster = cluster, At = now, Who = service.Owner, What = $"{action.Type} {(result.Status == FollowStatuses.Successful ? "completed" : result.Status)}",
                ActionId = action.ActionId, ActionType = action.Type, Nodegroup = action.Nodegroup, Why = result.Detail, Reference = action.Reference,
            }, cancellationToken).ConfigureAwait(false);
            if (result.Status != FollowStatuses.Successful)
            {
                var remediation = new ExecutedRemediation
                {
                    ActionId = action.ActionId, Type = action.Type, Cluster = cluster, Nodegroup = action.Nodegroup, Cause = action.Cause,
                    Reference = action.Reference, At = action.StartedAt,
                };
                await EscalateAsync(remediation, "action-failed", result.Detail, result.Errors, now, cancellationToken).ConfigureAwait(false);
            }

            await service.State.RemoveInFlightAsync(cluster, action.ActionId, cancellationToken).ConfigureAwait(false);
        }

        return probed;
    }
}
