using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Application.Shared;

/// <summary>Publishes the events of runbook changes (apply, rollback) and reconcile alerts (fix verified, escalation); undelivered ones are logged.</summary>
internal sealed class ServiceEvents(ServiceContext service)
{
    public static (string Account, string Region) Stack(ServiceContext service) => PlanEvents.StackOf(service.Settings.TopicArn);

    public static RemediationEvent RolledBack(ServiceContext service, PlanAction action, string reason, DateTimeOffset now)
    {
        var (account, region) = Stack(service);
        var scope = new EventScope { Account = account, Region = region, Cluster = action.Target.Cluster ?? "-", Nodegroup = action.Target.Nodegroup };
        return RemediationEvents.Action(RemediationEventKinds.ActionRolledBack, scope, now, "-", action.Id, action.Type, action.Cause, null, reason, action.Mode ?? Modes.Enforce);
    }

    public async Task PublishAsync(IReadOnlyList<RemediationEvent> events, CancellationToken cancellationToken)
    {
        if (!service.Events.Enabled || events.Count == 0)
        {
            return;
        }

        var result = await service.Events.PublishAsync(events, cancellationToken).ConfigureAwait(false);
        foreach (var failed in result.Failed)
        {
            service.Log.Warn("event not delivered", new Logging.LogField("detailType", failed.Event.DetailType), new Logging.LogField("code", failed.Code), new Logging.LogField("reason", failed.Reason));
        }
    }
}
