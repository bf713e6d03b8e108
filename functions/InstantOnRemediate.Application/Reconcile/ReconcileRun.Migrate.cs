using System.Globalization;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Migration;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// Reconcile, step 2b: node-group migrations. An approved eks-migrate-nodegroup (in flight) gets its record in the
/// state table; then the oldest unfinished migration of the cluster takes one step of the pure stage machine
/// (<see cref="MigrationStepper"/>): at most one stage per cluster per run, each step recorded with its time and
/// EKS update id, each stage event alerted in the migration's thread and published as an event.
/// </summary>
internal sealed partial class ReconcileRun
{
    private static readonly TimeSpan MigrationAlertLifetime = TimeSpan.FromDays(30);
    private readonly MigrationStageOperator? stageOperator = service.Aws is { } aws ? new MigrationStageOperator(aws.Eks, aws.Ec2) : null;

    private async Task<ReconcileOutcome> MigrateAsync(string cluster, ClusterInventory? inventory, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = ReconcileOutcome.Empty;
        var migrations = (await service.State.GetMigrationsAsync(cluster, cancellationToken).ConfigureAwait(false)).ToList();
        foreach (var inFlight in (await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false)).Where(a => a.Type == ActionTypes.EksMigrateNodegroup))
        {
            if (migrations.Any(m => m.Id == inFlight.ActionId))
            {
                continue;
            }

            var (started, starting) = await StartAsync(inFlight, now, cancellationToken).ConfigureAwait(false);
            outcome = outcome.Then(starting);
            if (started is not null)
            {
                migrations.Add(started);
            }
        }

        foreach (var rolledBack in migrations.Where(m => m.Stage == MigrationStages.RolledBack && m.FinishedAt > now - AffectedWindow))
        {
            // The runbook rolled it back; the alert goes out from here, once (its claim), in the migration's thread.
            outcome = outcome.Then(await MigrationAlertAsync(rolledBack, MigrationAlerts.RolledBack, rolledBack.History.LastOrDefault()?.Detail ?? "rolled back", now, null, cancellationToken).ConfigureAwait(false));
        }

        var open = migrations.Where(m => !MigrationStages.IsFinal(m.Stage)).OrderBy(m => m.StartedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (open.Count == 0)
        {
            return outcome;
        }

        outcome = outcome.Then(await StepAsync(open[0], inventory, sightings, now, cancellationToken).ConfigureAwait(false));
        foreach (var waiting in open.Skip(1))
        {
            outcome = outcome.Then(ReconcileOutcome.Of(Report(waiting, "wait", $"waits for migration {open[0].Id} ({open[0].Source} -> {open[0].Target}): one migration at a time per cluster")));
        }

        return outcome;
    }

    /// <summary>The record of an approved, executed migration: prepare is done (the executor created or scaled the target).</summary>
    private async Task<(MigrationRecord? Record, ReconcileOutcome Outcome)> StartAsync(InFlightAction inFlight, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var action = await service.State.GetActionAsync(inFlight.ActionId, cancellationToken).ConfigureAwait(false);
        var migration = action?.Parameters as EksMigrateNodegroupParameters;
        if (migration?.IsRetire == true)
        {
            return (null, ReconcileOutcome.Empty); // the approved deletion of a migration's old group: part of that migration, not a new one
        }

        if (action?.Target.Nodegroup is not { } source || migration?.TargetNodegroup is not { Length: > 0 } target)
        {
            return (null, ReconcileOutcome.FromNotes($"migration {inFlight.ActionId} on {inFlight.Cluster}: its action is no longer in the state store: not advanced"));
        }

        var created = migration.CreateTarget;
        var failures = await service.State.GetRecentFailuresAsync(inFlight.Cluster, inFlight.StartedAt - AffectedWindow, cancellationToken).ConfigureAwait(false);
        var record = new MigrationRecord
        {
            Id = action.Id, Cluster = inFlight.Cluster, Source = source, Target = target, TargetCreated = created, Cause = action.Cause,
            Stage = MigrationStages.WaitTarget, StartedAt = inFlight.StartedAt, WaitingSince = now,
            SourceMinSize = migration.MinSize, SourceMaxSize = migration.MaxSize, SourceDesiredSize = migration.DesiredSize,
            WantedTargetSize = created ? migration.DesiredSize : migration.TargetDesiredSize ?? 0,
            FenceMode = migration.Fence is { Length: > 0 } fence ? fence : "taint",
            FenceKey = migration.FenceKey is { Length: > 0 } key ? key : service.Policy.For(inFlight.Cluster).Markers.Taint.Key,
            FenceValue = migration.FenceValue ?? "true",
            Workloads = [.. failures.Where(f => f.Nodegroup == source).Select(f => WorkloadNames.Of(f.Pod)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            History =
            [
                new MigrationStageEntry
                {
                    Stage = MigrationStages.Prepare, StartedAt = inFlight.StartedAt, FinishedAt = now,
                    Detail = created ? $"CreateNodegroup {target}" : $"scaled {target} to {(migration.TargetDesiredSize ?? 0).ToString(CultureInfo.InvariantCulture)}",
                },
                new MigrationStageEntry { Stage = MigrationStages.WaitTarget, StartedAt = now },
            ],
        };
        await service.State.SaveMigrationAsync(record, cancellationToken).ConfigureAwait(false);
        await MigrationAuditAsync(record, "migration started", $"approved migration of {source} to {target}; waiting for {target} to be ACTIVE with {record.WantedTargetSize.ToString(CultureInfo.InvariantCulture)} instance(s)", now, cancellationToken).ConfigureAwait(false);
        return (record, await MigrationAlertAsync(record, MigrationAlerts.Started, $"{source} moves to {target}; the target is being prepared", now, null, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ReconcileOutcome> StepAsync(MigrationRecord record, ClusterInventory? inventory, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = service.Policy.For(record.Cluster);
        MigrationObservation seen;
        try
        {
            seen = await ObserveAsync(record, inventory, sightings, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ReconcileOutcome.FromNotes($"migration {record.Id} on {record.Cluster}: its node groups could not be read ({e.GetType().Name}: {e.Message}); read again next run")
                .Then(ReconcileOutcome.Of(Report(record, "wait", "node groups not readable this run")));
        }

        var step = MigrationStepper.Next(record, seen, policy.Migration, now);
        var next = record;
        var outcome = ReconcileOutcome.Empty;
        switch (step.Kind)
        {
            case MigrationStepKind.Wait:
                break;
            case MigrationStepKind.Stalled:
                next = MigrationProgress.After(record, step, now);
                await MigrationAuditAsync(next, $"migration {record.Stage} stalled", step.Reason, now, cancellationToken).ConfigureAwait(false);
                outcome = await MigrationAlertAsync(next, MigrationAlerts.Stalled, step.Reason, now, null, cancellationToken, failed: true).ConfigureAwait(false);
                break;
            case MigrationStepKind.Advance or MigrationStepKind.Complete:
                next = MigrationProgress.After(record, step, now);
                if (step.Kind == MigrationStepKind.Complete)
                {
                    await service.State.RemoveInFlightAsync(record.Cluster, record.Id, cancellationToken).ConfigureAwait(false);
                    if (record.RetireActionId is { } retire)
                    {
                        await service.State.RemoveInFlightAsync(record.Cluster, retire, cancellationToken).ConfigureAwait(false);
                    }
                }

                await MigrationAuditAsync(next, step.Kind == MigrationStepKind.Complete ? "migration done" : $"migration {record.Stage} done", step.Reason, now, cancellationToken).ConfigureAwait(false);
                if (step.Alert is { } alert)
                {
                    outcome = await MigrationAlertAsync(next, alert, step.Reason, now, null, cancellationToken).ConfigureAwait(false);
                }

                break;
            case MigrationStepKind.Act:
                var (acted, acting) = await ActAsync(record, step, now, cancellationToken).ConfigureAwait(false);
                outcome = acting;
                if (acted is null)
                {
                    return outcome.Then(ReconcileOutcome.Of(Report(record, "wait", step.Reason + " - not carried out this run (see notes)")));
                }

                next = acted;
                break;
        }

        if (!ReferenceEquals(next, record))
        {
            await service.State.SaveMigrationAsync(next, cancellationToken).ConfigureAwait(false);
        }

        return outcome.Then(ReconcileOutcome.Of(Report(next, step.Kind.ToString().ToLowerInvariant(), step.Reason)));
    }

    private async Task<(MigrationRecord? Record, ReconcileOutcome Outcome)> ActAsync(MigrationRecord record, MigrationStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (step.Operation == MigrationOperation.RequestRetireApproval)
        {
            var retire = new PlanAction
            {
                Id = ActionIds.For(ActionTypes.EksMigrateNodegroup, record.Cluster, record.Source, record.Cause, "retire:" + record.Id),
                Type = ActionTypes.EksMigrateNodegroup,
                Target = new ActionTarget { Cluster = record.Cluster, Nodegroup = record.Source },
                Parameters = new EksMigrateNodegroupParameters { Stage = EksMigrateNodegroupParameters.RetireStage, MigrationId = record.Id, TargetNodegroup = record.Target },
                Status = ActionStatuses.AwaitingApproval, Mode = Modes.Enforce, Cause = record.Cause, Disruptive = true,
                Reason = $"retire {record.Source}, drained by migration {record.Id} to {record.Target}: delete it (DeleteNodegroup; policy migration.retire = delete) - disruptive: needs its own approval",
                Undo = "none: a deleted node group cannot be restored",
            };
            await service.State.SaveActionAsync(retire, cancellationToken).ConfigureAwait(false);
            await service.State.RecordPendingApprovalAsync(record.Cluster, retire.Id, now, cancellationToken).ConfigureAwait(false);
            var asked = MigrationProgress.After(record, step, now, retireActionId: retire.Id);
            await MigrationAuditAsync(asked, "migration retire awaiting approval", retire.Reason, now, cancellationToken).ConfigureAwait(false);
            return (asked, await MigrationAlertAsync(asked, MigrationAlerts.RetireApproval, step.Reason, now, retire.Id, cancellationToken).ConfigureAwait(false));
        }

        if (stageOperator is null)
        {
            return (null, ReconcileOutcome.FromNotes($"migration {record.Id}: {step.Reason} - local run without --aws: not carried out"));
        }

        if (service.Options.Mode == Modes.Observe)
        {
            return (null, ReconcileOutcome.FromNotes($"migration {record.Id}: {step.Reason} - observe mode: not carried out"));
        }

        string? update;
        try
        {
            update = step.Operation == MigrationOperation.Fence
                ? await stageOperator.FenceAsync(record, cancellationToken).ConfigureAwait(false)
                : await stageOperator.ScaleAsync(record, step.DesiredSize!.Value, step.MinSize!.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, ReconcileOutcome.FromNotes($"migration {record.Id}: {step.Reason} failed ({e.GetType().Name}: {e.Message}); tried again next run"));
        }

        var acted = MigrationProgress.After(record, step, now, update);
        await MigrationAuditAsync(acted, $"migration {record.Stage} step", step.Reason, now, cancellationToken, update).ConfigureAwait(false);
        await new ServiceEvents(service).PublishAsync([StageEvent(acted, step.Reason, now)], cancellationToken).ConfigureAwait(false);
        return (acted, ReconcileOutcome.Empty);
    }

    private async Task<MigrationObservation> ObserveAsync(MigrationRecord record, ClusterInventory? inventory, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = service.Policy.For(record.Cluster);
        var pause = await new PauseSwitch(service).ReadAsync(cancellationToken).ConfigureAwait(false);
        var failing = (await service.State.GetRecentFailuresAsync(record.Cluster, now.AddMinutes(-Math.Max(1, policy.Thresholds.WindowMinutes)), cancellationToken).ConfigureAwait(false))
            .Select(f => f.Nodegroup).Distinct(StringComparer.Ordinal).Count();
        var windows = policy.MaintenanceWindows;
        var fencedAt = record.History.FirstOrDefault(h => h.Stage == MigrationStages.Fence)?.StartedAt ?? DateTimeOffset.MaxValue;
        var workloads = record.Workloads.ToHashSet(StringComparer.Ordinal);
        var successes = sightings.Count(s => s.Verdict == Verdicts.RestoreSuccess && s.Nodegroup == record.Target && s.At >= fencedAt
            && (workloads.Count == 0 || workloads.Contains(WorkloadNames.Of(s.Pod) ?? "")));
        var failures = sightings.Count(s => s.Verdict == Verdicts.RestoreFailure && s.Nodegroup == record.Source && s.At > fencedAt
            && record.History.Any(h => h.Stage == MigrationStages.Fence && h.FinishedAt is { } done && s.At > done));
        var retireStatus = record.RetireActionId is { } retireId ? (await service.State.GetActionAsync(retireId, cancellationToken).ConfigureAwait(false))?.Status ?? "expired" : null;

        // Offline (no AWS) the node groups come from the inventory snapshot, instances counted as running.
        var offline = inventory is null ? new MigrationObservation() : MigrationProgress.FromInventory(record, inventory);
        var (source, target, update) = stageOperator is null
            ? (offline.Source, offline.Target, null)
            : await stageOperator.ObserveAsync(record, cancellationToken).ConfigureAwait(false);
        return new MigrationObservation
        {
            Source = source, Target = target, PendingUpdateStatus = update,
            TargetSuccesses = successes, SourceFailuresSinceFence = failures,
            Paused = pause.Paused,
            InMaintenanceWindow = windows.Count == 0 || windows.Any(w => w.Contains(now)),
            MaintenanceNote = windows.Count == 0 ? null : $"outside the maintenance windows ({string.Join("; ", windows)}): drain steps wait for the next one",
            StormHeld = failing > policy.BlastRadius.MaxUnhealthyNodegroups,
            RetireActionStatus = retireStatus,
        };
    }

    private async Task<ReconcileOutcome> MigrationAlertAsync(MigrationRecord record, string kind, string reason, DateTimeOffset now, string? approveActionId, CancellationToken cancellationToken, bool failed = false)
    {
        var alert = MigrationAlertWriter.Write(record, kind, reason, service.Settings.RunbookFunction, approveActionId);
        var claim = ReconcileDecider.ClaimId("migration:" + kind + ":" + record.Stage, record.Cluster, record.Source, record.Cause, record.Id);
        var (claimed, delivered) = await DeliverAsync(new ClaimedAlert(alert, claim, record.Cluster, record.Source, record.Cause, now + MigrationAlertLifetime), cancellationToken).ConfigureAwait(false);
        if (claimed)
        {
            await new ServiceEvents(service).PublishAsync([StageEvent(record, reason, now, failed)], cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }

    private RemediationEvent StageEvent(MigrationRecord record, string reason, DateTimeOffset now, bool failed = false)
    {
        var (account, region) = ServiceEvents.Stack(service);
        var scope = new EventScope { Account = account, Region = region, Cluster = record.Cluster, Nodegroup = record.Source };
        return RemediationEvents.MigrationStage(scope, now, record.Id, record.Stage, reason, failed: failed);
    }

    private Task MigrationAuditAsync(MigrationRecord record, string what, string why, DateTimeOffset now, CancellationToken cancellationToken, string? reference = null) =>
        service.State.AppendAuditAsync(new AuditRecord
        {
            Cluster = record.Cluster, At = now, Who = service.Owner, What = what, ActionId = record.Id, ActionType = ActionTypes.EksMigrateNodegroup,
            Nodegroup = record.Source, Why = why, Reference = reference ?? record.Target,
        }, cancellationToken);

    internal static MigrationReport Report(MigrationRecord record, string? step, string reason) => new()
    {
        Id = record.Id, Cluster = record.Cluster, Source = record.Source, Target = record.Target, Stage = record.Stage, Step = step, Reason = reason,
        StartedAt = record.StartedAt, Stages = record.History,
        RollbackWith = MigrationStages.IsFinal(record.Stage) ? null : Core.Runbook.RunbookCommands.Payload(MigrationAlertWriter.Rollback(record)),
    };
}
