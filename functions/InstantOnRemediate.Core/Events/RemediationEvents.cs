using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Events;

/// <summary>
/// Builds the events of each kind from plain values. Pure: the same inputs give the same event, id included.
/// The pipelines (detect, runbook, reconcile) call these and hand the list to the Aws EventPublisher.
/// </summary>
public static class RemediationEvents
{
    public static RemediationEvent RestoreFailureGroup(EventScope scope, DateTimeOffset at, string cause, string remedy, int failures, int pods, EventVerdict? verdict, string? planId, string mode) =>
        Build(RemediationEventKinds.RestoreFailureGroup, scope, at, Base(scope) with
        {
            Cause = cause,
            Remedy = remedy,
            Failures = failures,
            Pods = pods,
            Verdict = verdict,
            PlanId = planId,
            Mode = mode,
            Severity = remedy is "node-kernel" or "node-config" || verdict?.Status == CompatibilityStatuses.Incompatible ? EventSeverities.High : EventSeverities.Medium,
            Summary = $"{failures} failed InstantOn restore(s) across {pods} pod(s) on {Where(scope)}: {cause} ({remedy})",
        });

    public static RemediationEvent NodegroupVerdictChanged(EventScope scope, DateTimeOffset at, EventVerdict verdict, EventVerdict? previous)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var severity = verdict.Status == CompatibilityStatuses.Incompatible ? EventSeverities.Medium : EventSeverities.Info;
        var was = previous is null ? "first verdict" : $"was {previous.Status}";
        return Build(RemediationEventKinds.NodegroupVerdictChanged, scope, at, Base(scope) with
        {
            Verdict = verdict,
            PreviousVerdict = previous,
            Severity = severity,
            Reason = verdict.Reason,
            Summary = $"{Where(scope)} is now {verdict.Status} for InstantOn ({was}; source {verdict.Source})",
        });
    }

    /// <summary>An action event: <paramref name="kind"/> is one of the action-* kinds.</summary>
    public static RemediationEvent Action(string kind, EventScope scope, DateTimeOffset at, string planId, string actionId, string actionType, string? cause, string? remedy, string reason, string mode)
    {
        var (severity, verb) = kind switch
        {
            RemediationEventKinds.ActionPlanned => (EventSeverities.Info, "planned"),
            RemediationEventKinds.ActionAwaitingApproval => (EventSeverities.Medium, "awaits approval"),
            RemediationEventKinds.ActionExecuted => (EventSeverities.Info, "executed"),
            RemediationEventKinds.ActionFailed => (EventSeverities.High, "failed"),
            RemediationEventKinds.ActionRolledBack => (EventSeverities.Low, "rolled back"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an action event kind"),
        };
        return Build(kind, scope, at, Base(scope) with
        {
            PlanId = planId,
            ActionId = actionId,
            ActionType = actionType,
            Cause = cause,
            Remedy = remedy,
            Reason = reason,
            Mode = mode,
            Severity = severity,
            Summary = $"{actionType} on {Where(scope)} {verb}: {reason}",
        });
    }

    public static RemediationEvent MigrationStage(EventScope scope, DateTimeOffset at, string migrationId, string stage, string reason, string? planId = null, bool failed = false) =>
        Build(RemediationEventKinds.MigrationStage, scope, at, Base(scope) with
        {
            MigrationId = migrationId,
            Stage = stage,
            PlanId = planId,
            Reason = reason,
            Severity = failed ? EventSeverities.High : EventSeverities.Info,
            Summary = $"migration {migrationId} of {Where(scope)}: {stage}{(failed ? " (failed)" : "")}",
        });

    public static RemediationEvent FixVerified(EventScope scope, DateTimeOffset at, string? cause, string reason, string? planId = null, string? actionId = null, EventVerdict? verdict = null) =>
        Build(RemediationEventKinds.FixVerified, scope, at, Base(scope) with
        {
            Cause = cause,
            PlanId = planId,
            ActionId = actionId,
            Verdict = verdict,
            Reason = reason,
            Severity = EventSeverities.Info,
            Summary = $"InstantOn restores succeed again on {Where(scope)}{(cause is null ? "" : $" ({cause} fixed)")}",
        });

    public static RemediationEvent Escalation(EventScope scope, DateTimeOffset at, string severity, string reason, string? cause = null, string? remedy = null, string? planId = null, string? actionId = null)
    {
        if (!EventSeverities.All.Contains(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity");
        }

        return Build(RemediationEventKinds.Escalation, scope, at, Base(scope) with
        {
            Cause = cause,
            Remedy = remedy,
            PlanId = planId,
            ActionId = actionId,
            Reason = reason,
            Severity = severity,
            Summary = $"InstantOn on {Where(scope)} needs a person: {reason}",
        });
    }

    private static RemediationEventDetail Base(EventScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new RemediationEventDetail
        {
            Kind = "",
            EventId = "",
            OccurredAt = default,
            Account = scope.Account,
            Region = scope.Region,
            Cluster = scope.Cluster,
            Nodegroup = scope.Nodegroup,
            Severity = EventSeverities.Info,
            Summary = "",
        };
    }

    private static RemediationEvent Build(string kind, EventScope scope, DateTimeOffset at, RemediationEventDetail detail)
    {
        var utc = at.ToUniversalTime();
        var complete = detail with { Kind = kind, OccurredAt = utc, Summary = Trim(detail.Summary, 512) };
        return new RemediationEvent
        {
            DetailType = RemediationEventKinds.DetailType(kind),
            Time = utc,
            Resources = [scope.ClusterArn],
            Detail = complete with { EventId = IdOf(complete) },
        };
    }

    /// <summary>A hash of the identifying fields: duplicates of one fact (retries, re-runs) share it.</summary>
    private static string IdOf(RemediationEventDetail d)
    {
        var key = string.Join('\u001f', d.Kind, d.Account, d.Region, d.Cluster, d.Nodegroup, d.Cause, d.PlanId, d.ActionId, d.MigrationId, d.Stage,
            d.Verdict?.Status, d.OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static string Where(EventScope scope) => scope.Cluster + "/" + (scope.Nodegroup ?? "unknown-nodegroup") + " (" + scope.Account + ", " + scope.Region + ")";

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
