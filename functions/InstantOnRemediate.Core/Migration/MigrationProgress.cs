using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Migration;

/// <summary>
/// The record after a step (pure): what reconcile saves once the step's I/O is done, and what the offline demo
/// carries from snapshot to snapshot. Also the observation of a migration read from an inventory snapshot.
/// </summary>
public static class MigrationProgress
{
    /// <summary>The record after <paramref name="step"/>; <paramref name="updateId"/> is the EKS update an Act started (null offline).</summary>
    public static MigrationRecord After(MigrationRecord record, MigrationStep step, DateTimeOffset now, string? updateId = null, string? retireActionId = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Kind)
        {
            case MigrationStepKind.Stalled:
                return record with { StalledStage = record.Stage };
            case MigrationStepKind.Advance or MigrationStepKind.Complete:
            {
                var history = record.History.ToList();
                if (history.Count > 0 && history[^1].Stage == record.Stage && history[^1].FinishedAt is null)
                {
                    history[^1] = history[^1] with { FinishedAt = now, Detail = step.Reason };
                }

                if (step.Kind == MigrationStepKind.Advance)
                {
                    history.Add(new MigrationStageEntry { Stage = step.Stage, StartedAt = now });
                }

                return record with
                {
                    Stage = step.Stage, WaitingSince = now, PendingUpdateId = null, RequestedDesiredSize = null, StalledStage = null, History = history,
                    FinishedAt = step.Kind == MigrationStepKind.Complete ? now : record.FinishedAt,
                };
            }

            case MigrationStepKind.Act when step.Operation == MigrationOperation.RequestRetireApproval:
                return record with { RetireActionId = retireActionId, WaitingSince = now };
            case MigrationStepKind.Act:
            {
                var history = record.History.ToList();
                if (history.Count > 0 && history[^1].Stage == record.Stage)
                {
                    history[^1] = history[^1] with { UpdateIds = [.. history[^1].UpdateIds, .. updateId is null ? Array.Empty<string>() : [updateId]], Detail = step.Reason };
                }

                return record with
                {
                    PendingUpdateId = updateId, WaitingSince = now, History = history,
                    RequestedDesiredSize = step.Operation == MigrationOperation.Scale ? step.DesiredSize : record.RequestedDesiredSize,
                };
            }

            default:
                return record;
        }
    }

    /// <summary>Both groups as an inventory snapshot shows them (instances counted as running): the offline observation.</summary>
    public static MigrationObservation FromInventory(MigrationRecord record, ClusterInventory inventory) => new()
    {
        Source = Observe(record, inventory.Nodegroups.FirstOrDefault(n => n.Name == record.Source)),
        Target = Observe(record, inventory.Nodegroups.FirstOrDefault(n => n.Name == record.Target)),
    };

    private static ObservedNodegroup? Observe(MigrationRecord record, NodegroupInventory? ng) => ng is null ? null : new ObservedNodegroup
    {
        Name = ng.Name, Status = ng.Status, MinSize = ng.MinSize ?? 0, MaxSize = ng.MaxSize ?? 0, DesiredSize = ng.DesiredSize ?? ng.Instances.Count,
        RunningInstances = ng.Instances.Count,
        Fenced = record.FenceMode == "label"
            ? ng.Labels.TryGetValue(record.FenceKey, out var v) && v == record.FenceValue
            : ng.Taints.Any(t => t.Key == record.FenceKey && t.Effect == record.FenceEffect),
    };
}
