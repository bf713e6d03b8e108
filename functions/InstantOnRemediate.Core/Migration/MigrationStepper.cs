using System.Globalization;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Core.Migration;

/// <summary>
/// The stage machine of a node-group migration: a pure function of (record, what reconcile observed, policy, now)
/// to the next step. Reconcile calls it once per migration per run and carries out at most that one step, so a
/// migration advances at most one stage per run and no Lambda invocation has to cover a whole migration.
/// </summary>
public static class MigrationStepper
{
    public static MigrationStep Next(MigrationRecord record, MigrationObservation seen, MigrationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(policy);
        var timeout = TimeSpan.FromMinutes(Math.Max(1, policy.StageTimeoutMinutes));
        var overdue = now - record.WaitingSince > timeout;

        MigrationStep WaitOrStall(string reason) => overdue && record.StalledStage != record.Stage
            ? new MigrationStep
            {
                Kind = MigrationStepKind.Stalled, Stage = record.Stage, Alert = MigrationAlerts.Stalled,
                Reason = $"stage {record.Stage} has waited since {Time(record.WaitingSince)} (longer than {policy.StageTimeoutMinutes} min): {reason}",
            }
            : Wait(record.Stage, reason);

        MigrationStep Failed(string reason) => record.StalledStage != record.Stage
            ? new MigrationStep { Kind = MigrationStepKind.Stalled, Stage = record.Stage, Alert = MigrationAlerts.Stalled, Reason = reason }
            : Wait(record.Stage, reason);

        switch (record.Stage)
        {
            case MigrationStages.Done or MigrationStages.RolledBack:
                return new MigrationStep { Kind = MigrationStepKind.Complete, Stage = record.Stage, Reason = $"the migration is {record.Stage}" };

            case MigrationStages.Prepare or MigrationStages.WaitTarget:
            {
                if (seen.Target is not { } target)
                {
                    return WaitOrStall($"target node group {record.Target} is not visible yet");
                }

                if (target.Status is "CREATE_FAILED" or "DEGRADED" or "DELETING" or "DELETE_FAILED")
                {
                    return Failed($"target node group {record.Target} is {target.Status}: see its health issues; roll the migration back or fix the group");
                }

                if (target.Status == "ACTIVE" && target.RunningInstances >= record.WantedTargetSize)
                {
                    return Advance(MigrationStages.Fence, MigrationAlerts.TargetReady,
                        $"target {record.Target} is ACTIVE with {N(target.RunningInstances)} running instance(s) (wanted {N(record.WantedTargetSize)})");
                }

                return WaitOrStall($"target {record.Target} is {target.Status ?? "unknown"} with {N(target.RunningInstances)} of {N(record.WantedTargetSize)} instance(s) running");
            }

            case MigrationStages.Fence:
            {
                if (seen.Source is not { } source)
                {
                    return Failed($"the old node group {record.Source} is gone: nothing left to fence");
                }

                if (source.Fenced)
                {
                    return Advance(MigrationStages.Drain, MigrationAlerts.Fenced, $"{record.Source} carries the fence {Fence(record)}: no new pods land there");
                }

                if (record.PendingUpdateId is not null)
                {
                    return seen.PendingUpdateStatus is "Failed" or "Cancelled"
                        ? Failed($"EKS update {record.PendingUpdateId} (fence of {record.Source}) is {seen.PendingUpdateStatus}")
                        : WaitOrStall($"fence update {record.PendingUpdateId} of {record.Source} is not visible on the group yet");
                }

                if (seen.Paused)
                {
                    return Wait(record.Stage, "paused: the migration stops between stages; resume to fence the old group");
                }

                return new MigrationStep { Kind = MigrationStepKind.Act, Stage = record.Stage, Operation = MigrationOperation.Fence, Reason = $"fence {record.Source} with {Fence(record)}" };
            }

            case MigrationStages.Drain:
                return Drain(record, seen, policy, WaitOrStall, Failed);

            case MigrationStages.Verify:
            {
                if (seen.SourceFailuresSinceFence > 0)
                {
                    return Failed($"{N(seen.SourceFailuresSinceFence)} restore failure(s) on {record.Source} after it was fenced: workloads still land there (a toleration or a nodeSelector?)");
                }

                if (seen.TargetSuccesses >= policy.VerifySuccesses)
                {
                    return Advance(MigrationStages.Retire, MigrationAlerts.Verified,
                        $"{N(seen.TargetSuccesses)} successful restore(s) of the migrated workloads on {record.Target}, none failed on {record.Source}");
                }

                return WaitOrStall($"{N(seen.TargetSuccesses)} of {N(policy.VerifySuccesses)} successful restore(s) of {Workloads(record)} seen on {record.Target}");
            }

            case MigrationStages.Retire:
            {
                if (policy.Retire != "delete")
                {
                    return Complete($"{record.Source} stays at 0 nodes with its fence {Fence(record)} (policy migration.retire = keep-at-zero); delete it by hand when no longer needed");
                }

                switch (seen.RetireActionStatus)
                {
                    case "executed":
                        return Complete($"{record.Source} is being deleted (approved separately)");
                    case null when seen.Paused:
                        return Wait(record.Stage, "paused: the deletion of the old group is not requested until resumed");
                    case null:
                        return new MigrationStep
                        {
                            Kind = MigrationStepKind.Act, Stage = record.Stage, Operation = MigrationOperation.RequestRetireApproval, Alert = MigrationAlerts.RetireApproval,
                            Reason = $"delete {record.Source} (policy migration.retire = delete): needs its own approval",
                        };
                    default:
                        return WaitOrStall($"the deletion of {record.Source} is {seen.RetireActionStatus} (action {record.RetireActionId})");
                }
            }

            default:
                return Wait(record.Stage, $"unknown stage '{record.Stage}'");
        }

        MigrationStep Advance(string stage, string alert, string reason) => new() { Kind = MigrationStepKind.Advance, Stage = stage, Alert = alert, Reason = reason };

        MigrationStep Complete(string reason) => new() { Kind = MigrationStepKind.Complete, Stage = MigrationStages.Done, Alert = MigrationAlerts.Retired, Reason = reason };
    }

    private static MigrationStep Drain(MigrationRecord record, MigrationObservation seen, MigrationPolicy policy, Func<string, MigrationStep> waitOrStall, Func<string, MigrationStep> failed)
    {
        if (seen.Source is not { } source)
        {
            return failed($"the old node group {record.Source} is gone before it was drained");
        }

        if (source.DesiredSize == 0 && source.RunningInstances == 0)
        {
            return new MigrationStep
            {
                Kind = MigrationStepKind.Advance, Stage = MigrationStages.Verify, Alert = MigrationAlerts.Drained,
                Reason = $"{record.Source} is at 0 nodes; its pods were rescheduled (EKS drained the removed nodes)",
            };
        }

        if (record.RequestedDesiredSize is { } requested && (source.DesiredSize != requested || source.RunningInstances > requested))
        {
            return seen.PendingUpdateStatus is "Failed" or "Cancelled"
                ? failed($"EKS update {record.PendingUpdateId} (scale {record.Source} to {N(requested)}) is {seen.PendingUpdateStatus}")
                : waitOrStall($"drain step to {N(requested)} node(s) in progress: {N(source.RunningInstances)} instance(s) of {record.Source} still running");
        }

        if (seen.Paused)
        {
            return Wait(record.Stage, "paused: the migration stops between drain steps; resume to go on");
        }

        if (seen.StormHeld)
        {
            return Wait(record.Stage, "storm brake: too many failing node groups in the cluster; node-group changes are held for a person");
        }

        if (!seen.InMaintenanceWindow)
        {
            return Wait(record.Stage, seen.MaintenanceNote ?? "outside the maintenance windows");
        }

        var proven = seen.Target?.Status == "ACTIVE" ? seen.Target.RunningInstances : 0;
        var floor = Math.Max(0, record.SourceDesiredSize - proven);
        var next = Math.Max(floor, source.DesiredSize - Math.Max(1, policy.DrainStep));
        if (next >= source.DesiredSize)
        {
            return waitOrStall($"the target {record.Target} has proven {N(proven)} running node(s): {record.Source} is kept at {N(source.DesiredSize)} (never below the capacity the target has proven)");
        }

        return new MigrationStep
        {
            Kind = MigrationStepKind.Act, Stage = record.Stage, Operation = MigrationOperation.Scale, DesiredSize = next, MinSize = Math.Min(source.MinSize, next),
            Reason = $"scale {record.Source} from {N(source.DesiredSize)} to {N(next)} node(s) (at most {N(policy.DrainStep)} per run; the target has {N(proven)} running)",
        };
    }

    private static MigrationStep Wait(string stage, string reason) => new() { Kind = MigrationStepKind.Wait, Stage = stage, Reason = reason };

    public static string Fence(MigrationRecord record) =>
        record.FenceMode == "label" ? $"label {record.FenceKey}={record.FenceValue}" : $"taint {record.FenceKey}={record.FenceValue}:{record.FenceEffect}";

    private static string Workloads(MigrationRecord record) => record.Workloads.Count == 0 ? "InstantOn workloads" : string.Join(", ", record.Workloads);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
