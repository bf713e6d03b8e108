using InstantOnRemediate.Core.Runbook;
using System.Globalization;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Reconcile;
using InstantOnRemediate.Application.Shared;
using RunbookMigrationReport = InstantOnRemediate.Application.Handlers.MigrationReport;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>status: in-flight actions, actions awaiting approval (with age), recent audit entries, the pause switch.</summary>
internal sealed class RunbookStatus(ServiceContext service)
{
    private const int MaxAudit = 20;
    private static readonly TimeSpan AuditLookback = TimeSpan.FromHours(24);

    public async Task<RunbookResponse> RunAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        if (RunbookReplies.OutsideClusters(service, request, request.Cluster) is { } outside)
        {
            return outside;
        }

        var now = service.Clock.GetUtcNow();
        var notes = new List<string>();
        IReadOnlyList<string> clusters = request.Cluster is { } one ? [one] : service.Settings.Clusters;
        if (clusters.Count == 0)
        {
            notes.Add("no cluster named and CLUSTERS is not set: only the pause switch and account-wide audit are shown; ask " + RunbookCommands.Payload(new StatusRequest { Cluster = "<name>" }));
        }

        var inFlight = new List<InFlightAction>();
        var pending = new List<RunbookPendingAction>();
        var audit = new List<AuditRecord>();
        var migrations = new List<RunbookMigrationReport>();
        foreach (var cluster in clusters)
        {
            migrations.AddRange((await service.State.GetMigrationsAsync(cluster, cancellationToken).ConfigureAwait(false))
                .Select(m => ReconcileRun.Report(m, null, Core.Migration.MigrationStages.IsFinal(m.Stage) ? $"finished: {m.Stage}" : $"in stage {m.Stage} since {m.WaitingSince:yyyy-MM-dd HH:mm}Z")));
            inFlight.AddRange(await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false));
            foreach (var approval in (await service.State.GetApprovalsAsync(cluster, cancellationToken).ConfigureAwait(false)).Where(a => a.ApprovedBy is null))
            {
                var action = await service.State.GetActionAsync(approval.ActionId, cancellationToken).ConfigureAwait(false);
                pending.Add(new RunbookPendingAction
                {
                    ActionId = approval.ActionId, Cluster = cluster, Type = action?.Type, Nodegroup = action?.Target.Nodegroup, Cause = action?.Cause,
                    PendingSince = approval.PendingSince, AgeMinutes = (long)Math.Max(0, (now - approval.PendingSince).TotalMinutes), Reason = action?.Reason,
                    ApproveWith = RunbookCommands.Payload(new ApplyRequest(approval.ActionId, RunbookPlaceholders.Person, RunbookPlaceholders.Reason)),
                });
            }

            audit.AddRange(await service.State.GetAuditAsync(cluster, now - AuditLookback, cancellationToken).ConfigureAwait(false));
        }

        audit.AddRange(await service.State.GetAuditAsync(RunbookPauseResume.AccountScope, now - AuditLookback, cancellationToken).ConfigureAwait(false));
        var pause = await new PauseSwitch(service).ReadAsync(cancellationToken).ConfigureAwait(false);
        var report = new RunbookStatusReport
        {
            Paused = pause.Paused,
            PauseSource = pause.Source,
            Clusters = clusters,
            InFlight = [.. inFlight.OrderBy(a => a.StartedAt)],
            AwaitingApproval = [.. pending.OrderBy(p => p.PendingSince)],
            RecentAudit = [.. audit.OrderByDescending(a => a.At).Take(MaxAudit)],
            Migrations = migrations,
        };
        return RunbookReplies.Reply(service, request, RunbookStatuses.Ok, Summary(report), notes) with { Report = report };
    }

    private static string Summary(RunbookStatusReport report)
    {
        var where = report.Clusters.Count == 0 ? "No cluster named" : string.Join(", ", report.Clusters);
        var oldest = report.AwaitingApproval.Count == 0 ? "" : $" (oldest waiting {report.AwaitingApproval[0].AgeMinutes.ToString(CultureInfo.InvariantCulture)} min: {report.AwaitingApproval[0].Type ?? "?"} {report.AwaitingApproval[0].ActionId})";
        var pause = report.Paused ? $"PAUSED ({report.PauseSource})" : "not paused";
        return $"{where}: {report.InFlight.Count} action(s) in flight, {report.AwaitingApproval.Count} awaiting approval{oldest}, {report.RecentAudit.Count} audit entr{(report.RecentAudit.Count == 1 ? "y" : "ies")} in 24 h; {pause}.";
    }
}
