using InstantOnRemediate.Core.Migration;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>
/// After the runbook rolled a migration back (old group's scaling restored, fence removed, a created target deleted
/// only when asked): its record ends in stage rolled-back, with the stage it was in, so reconcile stops and status shows it.
/// </summary>
internal static class MigrationRollback
{
    public static async Task RecordAsync(ServiceContext service, PlanAction action, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cluster = action.Target.Cluster ?? "-";
        var record = (await service.State.GetMigrationsAsync(cluster, cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Id == action.Id);
        if (record is null || MigrationStages.IsFinal(record.Stage))
        {
            return; // rolled back before reconcile started its record, or already finished
        }

        var history = record.History.ToList();
        if (history.Count > 0 && history[^1].FinishedAt is null)
        {
            history[^1] = history[^1] with { FinishedAt = now };
        }

        history.Add(new MigrationStageEntry { Stage = MigrationStages.RolledBack, StartedAt = now, FinishedAt = now, Detail = $"from stage {record.Stage}: {detail}" });
        await service.State.SaveMigrationAsync(record with { Stage = MigrationStages.RolledBack, FinishedAt = now, WaitingSince = now, History = history }, cancellationToken).ConfigureAwait(false);
        if (record.RetireActionId is { } retire)
        {
            await service.State.RemoveInFlightAsync(cluster, retire, cancellationToken).ConfigureAwait(false);
        }
    }
}
