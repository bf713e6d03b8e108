using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// The EventBridge events a carried-out plan gives (docs/notifications.md): one restore-failure-group event per
/// alert that went out, one action event per action executed, failed or waiting for approval. Pure.
/// </summary>
internal static class PlanEvents
{
    public static IReadOnlyList<RemediationEvent> Of(Plan plan, IReadOnlyList<ClusterInventory> inventories, string account, string region, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var events = new List<RemediationEvent>();
        foreach (var action in plan.Actions)
        {
            var cluster = action.Target.Cluster;
            if (cluster is null)
            {
                continue;
            }

            var scope = new EventScope { Account = account, Region = region, Cluster = cluster, Nodegroup = action.Target.Nodegroup };
            var notify = action.Parameters as Core.Actions.Definitions.NotifyParameters;
            var remedy = notify?.Remedy;
            if (action.Type == ActionTypes.Notify)
            {
                if (action.Status == ActionStatuses.Executed && action.Cause is { } cause)
                {
                    var nodegroup = inventories.FirstOrDefault(i => i.Cluster == cluster)?.Nodegroups.FirstOrDefault(n => n.Name == action.Target.Nodegroup);
                    events.Add(RemediationEvents.RestoreFailureGroup(scope, now, cause, remedy is { Length: > 0 } ? remedy : "unknown", notify?.Failures ?? 0, notify?.Pods ?? 0,
                        nodegroup is null ? null : EventVerdict.Of(nodegroup), plan.Id, plan.Mode));
                }

                continue;
            }

            var kind = action.Status switch
            {
                ActionStatuses.Executed => RemediationEventKinds.ActionExecuted,
                ActionStatuses.Failed => RemediationEventKinds.ActionFailed,
                ActionStatuses.AwaitingApproval => RemediationEventKinds.ActionAwaitingApproval,
                _ => null,
            };
            if (kind is not null)
            {
                events.Add(RemediationEvents.Action(kind, scope, now, plan.Id, action.Id, action.Type, action.Cause, remedy, action.Reason, action.Mode ?? plan.Mode));
            }
        }

        return events;
    }

    /// <summary>Account and Region of the stack, from an ARN it was given (the alert topic's); "unknown" offline.</summary>
    public static (string Account, string Region) StackOf(string? arn) =>
        Aws.Sns.AlertDeliveries.StackOf(arn) is (string account, string region) ? (account, region) : ("unknown", "unknown");
}
