using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Lambda.Handlers;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>
/// One scheduled reconcile run over every looked-after cluster: follow in-flight actions to their end, verify
/// executed remediations from later restore outcomes, escalate overdue approvals, audit every node group's
/// InstantOn compatibility. Each alert is claimed with a deterministic id first, so it is sent once (per cooldown
/// for the audit). A failed AWS call is a note in the response; what it concerned is read again next run.
/// </summary>
internal sealed partial class ReconcileRun(ServiceContext service)
{
    /// <summary>Time pods get to be rescheduled after an action before its effect is judged.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    /// <summary>How far back restores are read to name the InstantOn workloads of a cluster (audit alerts).</summary>
    private static readonly TimeSpan WorkloadWindow = TimeSpan.FromHours(1);

    /// <summary>How far back failures are read to name the workloads an action was for.</summary>
    private static readonly TimeSpan AffectedWindow = TimeSpan.FromDays(1);

    private static readonly TimeSpan EscalationClaimLifetime = TimeSpan.FromDays(14);

    private static readonly HashSet<string> RemediationTypes = new(StringComparer.Ordinal)
    {
        ActionTypes.EksLabelNodegroup, ActionTypes.EksTaintNodegroup, ActionTypes.EksUpdateNodegroupVersion, ActionTypes.EksCreateNodegroup,
        ActionTypes.SsmRunCommand,
    };

    private readonly List<FollowedAction> followed = [];
    private readonly List<VerificationReport> verified = [];
    private readonly List<EscalationReport> escalated = [];
    private readonly List<ClusterAuditReport> audit = [];
    private readonly List<Alert> alerts = [];
    private readonly List<string> notes = [];
    private readonly ActionFollower? follower = service.Aws is { } aws ? new ActionFollower(aws.Eks, aws.Ssm) : null;
    private readonly ContainerLogSearch? logSearch = service.Aws is { } aws ? new ContainerLogSearch(aws.Logs, service.Catalog) : null;
    private readonly AlertPublisher? publisher = service.Aws is { } aws ? new AlertPublisher(aws.Sns, service.Clock) : null;
    private int sent;

    public async Task<ReconcileResponse> RunAsync(string? eventId, DateTimeOffset? scheduled, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var clusters = Clusters();
        foreach (var cluster in clusters)
        {
            var inventory = await InventoryAsync(cluster, cancellationToken).ConfigureAwait(false);
            if (await FollowAsync(cluster, inventory, cancellationToken).ConfigureAwait(false) && inventory is not null)
            {
                inventory = await InventoryAsync(cluster, cancellationToken).ConfigureAwait(false); // with what the nodes just reported
            }

            var report = inventory is null ? null : CompatibilityAudit.Default.Audit([inventory]);
            var remediations = await ExecutedRemediationsAsync(cluster, now, cancellationToken).ConfigureAwait(false);
            var from = remediations.Count > 0 ? Min(remediations.Min(r => r.At), now - WorkloadWindow) : now - WorkloadWindow;
            var sightings = await SightingsAsync(cluster, inventory, from, now, cancellationToken).ConfigureAwait(false);
            await VerifyAsync(remediations, sightings, report, now, cancellationToken).ConfigureAwait(false);
            await MigrateAsync(cluster, inventory, sightings, now, cancellationToken).ConfigureAwait(false);
            await ApprovalsAsync(cluster, now, cancellationToken).ConfigureAwait(false);
            if (report is not null)
            {
                await AuditAsync(cluster, report, sightings, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ReconcileResponse
        {
            Mode = service.Options.Mode,
            EventId = eventId,
            ScheduledTime = scheduled,
            Now = now,
            Clusters = clusters,
            Followed = followed,
            Verified = verified,
            Escalated = escalated,
            Audit = audit,
            Alerts = alerts,
            Migrations = migrationReports,
            AlertsSent = sent,
            Notes = notes,
        };
    }

    private List<string> Clusters()
    {
        if (service.Settings.Clusters.Count > 0)
        {
            return [.. service.Settings.Clusters];
        }

        if (service.Inventory is ProbedInventorySource { Gathering: SnapshotInventorySource snapshots })
        {
            return [.. snapshots.Clusters.Order(StringComparer.Ordinal)];
        }

        notes.Add($"{FunctionOptions.ClustersVariable} is not set: no cluster to reconcile");
        return [];
    }

    private async Task<ClusterInventory?> InventoryAsync(string cluster, CancellationToken cancellationToken)
    {
        try
        {
            var inventory = await service.Inventory.ForClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
            if (inventory is null)
            {
                notes.Add($"no inventory for cluster {cluster}: node groups not audited, verification without node groups");
            }

            return inventory;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notes.Add($"inventory of cluster {cluster} could not be gathered ({e.GetType().Name}: {e.Message}): audit skipped, retried next run");
            service.Log.Warn("reconcile inventory failed", new LogField("cluster", cluster), new LogField("error", e.Message));
            return null;
        }
    }

    /// <summary>Claims the alert's deterministic id, then writes it (and sends it when running against AWS with a topic); false when already claimed.</summary>
    /// <summary>The claim type of reconcile's alerts (not an action kind: it never runs as one).</summary>
    internal const string ReconcileAlertClaimType = "reconcile-alert";

    private async Task<bool> DeliverAsync(Alert alert, string claimId, string cluster, string? nodegroup, string? cause, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var claimed = await service.State.TryClaimActionAsync(new ActionClaim
        {
            // Its own claim type: a RESOLVED or escalation alert must not count as the failure alert detect rate-limits on.
            ActionId = claimId, Type = ReconcileAlertClaimType, Cluster = cluster, Nodegroup = nodegroup, Cause = cause, Owner = service.Owner, ClaimedAt = now, ExpiresAt = expiresAt,
        }, cancellationToken).ConfigureAwait(false);
        if (!claimed)
        {
            return false;
        }

        alerts.Add(alert);
        var topic = service.Policy.For(cluster).Notifications.TopicArn;
        if (publisher is null || topic is null)
        {
            return true;
        }

        try
        {
            await publisher.PublishAsync(topic, alert, cancellationToken).ConfigureAwait(false);
            sent++;
            await PublishEventAsync(alert, cluster, nodegroup, cause, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notes.Add($"alert '{alert.Subject}' could not be sent ({e.GetType().Name}: {e.Message}): its claim was released, so a run that finds the condition again sends it");
            await service.State.ReleaseClaimAsync(claimId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static string ClaimId(string kind, string cluster, string? nodegroup, string? cause, string discriminator) =>
        ActionIds.For(ActionTypes.Notify, cluster, nodegroup, cause, "reconcile:" + kind + ":" + discriminator);

    private TimeSpan Timeout(string cluster) => TimeSpan.FromMinutes(Math.Max(1, service.Policy.For(cluster).Escalation.ApprovalTimeoutMinutes));

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
