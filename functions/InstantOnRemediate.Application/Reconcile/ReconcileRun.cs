using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// One scheduled reconcile run over every looked-after cluster: follow in-flight actions to their end, verify
/// executed remediations from later restore outcomes, step node-group migrations, escalate overdue approvals, audit
/// every node group's InstantOn compatibility. Each step reads (I/O), asks <see cref="ReconcileDecider"/> (pure), and
/// carries out what it decided (<see cref="ApplyAsync"/>); what every step found and did is an immutable
/// <see cref="ReconcileOutcome"/>, joined in order into the response. Each alert is claimed with a deterministic id
/// first, so it is sent once (per cooldown for the audit). A failed AWS call is a note in the response; what it
/// concerned is read again next run.
/// </summary>
internal sealed partial class ReconcileRun(ServiceContext service)
{
    /// <summary>How far back restores are read to name the InstantOn workloads of a cluster (audit alerts).</summary>
    private static readonly TimeSpan WorkloadWindow = TimeSpan.FromHours(1);

    /// <summary>How far back failures are read to name the workloads an action was for.</summary>
    private static readonly TimeSpan AffectedWindow = TimeSpan.FromDays(1);

    private readonly ActionFollower? follower = service.Aws is { } aws ? new ActionFollower(aws.Eks, aws.Ssm) : null;
    private readonly ContainerLogSearch? logSearch = service.Aws is { } aws ? new ContainerLogSearch(aws.Logs, service.Catalog) : null;
    private readonly AlertPublisher? publisher = service.Aws is { } aws ? new AlertPublisher(aws.Sns, service.Clock) : null;

    public async Task<ReconcileResponse> RunAsync(string? eventId, DateTimeOffset? scheduled, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var (clusters, outcome) = Clusters();
        foreach (var cluster in clusters)
        {
            outcome = outcome.Then(await ReconcileClusterAsync(cluster, now, cancellationToken).ConfigureAwait(false));
        }

        return new ReconcileResponse
        {
            Mode = service.Options.Mode,
            EventId = eventId,
            ScheduledTime = scheduled,
            Now = now,
            Clusters = clusters,
            Followed = outcome.Followed,
            Verified = outcome.Verified,
            Escalated = outcome.Escalated,
            Audit = outcome.Audit,
            Alerts = outcome.Alerts,
            Migrations = outcome.Migrations,
            AlertsSent = outcome.Sent,
            Notes = outcome.Notes,
        };
    }

    private async Task<ReconcileOutcome> ReconcileClusterAsync(string cluster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var context = new ReconcileContext(service.Policy.For(cluster), now, service.Owner, service.Settings.Runbooks);
        var (inventory, outcome) = await InventoryAsync(cluster, cancellationToken).ConfigureAwait(false);

        var (observations, probed) = await ObserveInFlightAsync(cluster, inventory, now, cancellationToken).ConfigureAwait(false);
        outcome = outcome.Then(await ApplyAsync(ReconcileDecider.Follow(observations, context), cancellationToken).ConfigureAwait(false));
        if (probed && inventory is not null)
        {
            (inventory, var again) = await InventoryAsync(cluster, cancellationToken).ConfigureAwait(false); // with what the nodes just reported
            outcome = outcome.Then(again);
        }

        var report = inventory is null ? null : CompatibilityAudit.Default.Audit([inventory]);
        var (remediations, found) = await ExecutedRemediationsAsync(cluster, context, cancellationToken).ConfigureAwait(false);
        var from = remediations.Count > 0 ? Min(remediations.Min(r => r.At), now - WorkloadWindow) : now - WorkloadWindow;
        var (sightings, read) = await SightingsAsync(cluster, inventory, from, now, cancellationToken).ConfigureAwait(false);
        outcome = outcome.Then(found).Then(read);
        var verify = await ObserveRemediationsAsync(remediations, report, cancellationToken).ConfigureAwait(false);
        outcome = outcome.Then(await ApplyAsync(ReconcileDecider.Verify(verify, sightings, context), cancellationToken).ConfigureAwait(false));
        outcome = outcome.Then(await MigrateAsync(cluster, inventory, sightings, now, cancellationToken).ConfigureAwait(false));
        var approvals = await service.State.GetApprovalsAsync(cluster, cancellationToken).ConfigureAwait(false);
        outcome = outcome.Then(await ApplyAsync(ReconcileDecider.OverdueApprovals(cluster, approvals, context), cancellationToken).ConfigureAwait(false));
        if (report is not null)
        {
            var workloads = await WorkloadsAsync(cluster, sightings, now, cancellationToken).ConfigureAwait(false);
            outcome = outcome.Then(await ApplyAsync(ReconcileDecider.Audit(cluster, report, workloads, context), cancellationToken).ConfigureAwait(false));
        }

        return outcome;
    }

    private (List<string> Clusters, ReconcileOutcome Outcome) Clusters()
    {
        if (service.Settings.Clusters.Count > 0)
        {
            return ([.. service.Settings.Clusters], ReconcileOutcome.Empty);
        }

        if (service.Inventory is ProbedInventorySource { Gathering: SnapshotInventorySource snapshots })
        {
            return ([.. snapshots.Clusters.Order(StringComparer.Ordinal)], ReconcileOutcome.Empty);
        }

        return ([], ReconcileOutcome.FromNotes($"{FunctionOptions.ClustersVariable} is not set: no cluster to reconcile"));
    }

    private async Task<(ClusterInventory? Inventory, ReconcileOutcome Outcome)> InventoryAsync(string cluster, CancellationToken cancellationToken)
    {
        try
        {
            var inventory = await service.Inventory.ForClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
            return (inventory, inventory is null
                ? ReconcileOutcome.FromNotes($"no inventory for cluster {cluster}: node groups not audited, verification without node groups")
                : ReconcileOutcome.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            service.Log.Warn("reconcile inventory failed", new LogField("cluster", cluster), new LogField("error", e.Message));
            return (null, ReconcileOutcome.FromNotes($"inventory of cluster {cluster} could not be gathered ({e.GetType().Name}: {e.Message}): audit skipped, retried next run"));
        }
    }

    /// <summary>The claim type of reconcile's alerts (not an action kind: it never runs as one).</summary>
    internal const string ReconcileAlertClaimType = "reconcile-alert";

    /// <summary>Carries out a decision's effects in order: state writes, alerts (claimed first), metrics. The audit's <c>alerted</c> flags come from the claims.</summary>
    private async Task<ReconcileOutcome> ApplyAsync(ReconcileDecision decision, CancellationToken cancellationToken)
    {
        var outcome = ReconcileOutcome.From(decision);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effect in decision.Effects)
        {
            outcome = outcome.Then(await ApplyAsync(effect, claimed, cancellationToken).ConfigureAwait(false));
        }

        return outcome with
        {
            Audit = [.. outcome.Audit.Select(a => a with
            {
                IncompatibleNodegroups = [.. a.IncompatibleNodegroups.Select(n => n with { Alerted = n.AlertClaimId is { } claim && claimed.Contains(claim) })],
            })],
        };
    }

    private async Task<ReconcileOutcome> ApplyAsync(ReconcileEffect effect, HashSet<string> claimed, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case AppendAudit audit:
                await service.State.AppendAuditAsync(audit.Record, cancellationToken).ConfigureAwait(false);
                return ReconcileOutcome.Empty;
            case RecordVerifiedFix fix:
                await service.State.RecordVerifiedFixAsync(fix.Fix, fix.ExpiresAt, cancellationToken).ConfigureAwait(false);
                return ReconcileOutcome.Empty;
            case RecordNodeProbe probe:
                await service.State.RecordNodeProbeAsync(probe.Probe, probe.ExpiresAt, cancellationToken).ConfigureAwait(false);
                return ReconcileOutcome.Empty;
            case RemoveInFlight gone:
                await service.State.RemoveInFlightAsync(gone.Cluster, gone.ActionId, cancellationToken).ConfigureAwait(false);
                return ReconcileOutcome.Empty;
            case CountMetric count:
                service.Metrics.Count(count.Name, 1, [.. count.Dimensions]);
                return ReconcileOutcome.Empty;
            case EmitMetrics metrics:
                service.Metrics.Emit([.. metrics.Dimensions], [.. metrics.Metrics]);
                return ReconcileOutcome.Empty;
            case Deliver deliver:
                var (taken, delivered) = await DeliverAsync(deliver.Delivery, cancellationToken).ConfigureAwait(false);
                if (!taken)
                {
                    return delivered;
                }

                claimed.Add(deliver.Delivery.ClaimId);
                foreach (var then in deliver.IfClaimed ?? [])
                {
                    delivered = delivered.Then(await ApplyAsync(then, claimed, cancellationToken).ConfigureAwait(false));
                }

                return deliver.ReportIfClaimed is { } report ? delivered.Then(new ReconcileOutcome { Escalated = [report] }) : delivered;
            default:
                throw new InvalidOperationException($"no way to carry out {effect.GetType().Name}");
        }
    }

    /// <summary>Claims the alert's deterministic id, then writes it (and sends it when running against AWS with a topic); not claimed when already claimed.</summary>
    private async Task<(bool Claimed, ReconcileOutcome Outcome)> DeliverAsync(ClaimedAlert delivery, CancellationToken cancellationToken)
    {
        var (alert, claimId, cluster, nodegroup, cause, expiresAt) = delivery;
        var now = service.Clock.GetUtcNow();
        var claimed = await service.State.TryClaimActionAsync(new ActionClaim
        {
            // Its own claim type: a RESOLVED or escalation alert must not count as the failure alert detect rate-limits on.
            ActionId = claimId, Type = ReconcileAlertClaimType, Cluster = cluster, Nodegroup = nodegroup, Cause = cause, Owner = service.Owner, ClaimedAt = now, ExpiresAt = expiresAt,
        }, cancellationToken).ConfigureAwait(false);
        if (!claimed)
        {
            return (false, ReconcileOutcome.Empty);
        }

        var written = new ReconcileOutcome { Alerts = [alert] };
        var topic = service.Policy.For(cluster).Notifications.TopicArn;
        if (publisher is null || topic is null)
        {
            return (true, written);
        }

        try
        {
            await publisher.PublishAsync(topic, alert, cancellationToken).ConfigureAwait(false);
            await PublishEventAsync(alert, cluster, nodegroup, cause, now, cancellationToken).ConfigureAwait(false);
            return (true, written with { Sent = 1 });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await service.State.ReleaseClaimAsync(claimId, cancellationToken).ConfigureAwait(false);
            return (true, written.Then(ReconcileOutcome.FromNotes($"alert '{alert.Subject}' could not be sent ({e.GetType().Name}: {e.Message}): its claim was released, so a run that finds the condition again sends it")));
        }
    }

    private static void Remember(Dictionary<string, string> causes, string? actionId, string? cause)
    {
        if (actionId is not null && cause is not null)
        {
            causes.TryAdd(actionId, cause);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The EventBridge event of a reconcile alert: a verified fix or an escalation (the audit finding has the alert only).</summary>
    private async Task PublishEventAsync(Alert alert, string cluster, string? nodegroup, string? cause, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (account, region) = PlanEvents.StackOf(service.Settings.TopicArn);
        var scope = new EventScope { Account = account, Region = region, Cluster = cluster, Nodegroup = nodegroup };
        var actionId = alert.Attributes.GetValueOrDefault("actionId");
        RemediationEvent? raised = alert.GroupKey.StartsWith("verified/", StringComparison.Ordinal)
            ? RemediationEvents.FixVerified(scope, now, cause, alert.Subject, actionId: actionId)
            : alert.GroupKey.StartsWith("escalated/", StringComparison.Ordinal) || alert.GroupKey.StartsWith("approval/", StringComparison.Ordinal)
                ? RemediationEvents.Escalation(scope, now, EventSeverities.High, alert.Subject, cause, actionId: actionId)
                : null;
        if (raised is not null)
        {
            await new ServiceEvents(service).PublishAsync([raised], cancellationToken).ConfigureAwait(false);
        }
    }
}
