using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>
/// rollback: undoes an executed action through its executor (remove the label or taint; delete a node group the
/// service created only when <c>deleteCreatedNodegroup</c> is true and the group carries the service's tag),
/// audited with who and why. A rolled-back action is kept as skipped with the rollback in its reason.
/// </summary>
internal sealed class RunbookRollback(ServiceContext service)
{
    public async Task<RunbookResponse> RunAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        var id = request.ActionId;
        var person = request.ApprovedBy;
        var action = await service.State.GetActionAsync(id, cancellationToken).ConfigureAwait(false);
        if (action is null)
        {
            return RunbookReplies.Reply(service, request, RunbookStatuses.NotFound, $"No action {id} is known (actions are kept 30 days); the status action lists recent ones in its audit.");
        }

        if (RunbookReplies.OutsideClusters(service, request, action.Target.Cluster) is { } outside)
        {
            return outside;
        }

        var where = RunbookApply.Where(action);
        if (action.Status != ActionStatuses.Executed)
        {
            return Reply(request, action, RunbookStatuses.Rejected, $"Action {id} ({action.Type} on {where}) is {action.Status}: only an executed action can be rolled back.");
        }

        if (service.Executors is not { } executors)
        {
            return Reply(request, action, RunbookStatuses.Rejected, $"Rolling back {action.Type} on {where} changes AWS resources: run the runbook against AWS.");
        }

        ActionOutcome outcome;
        try
        {
            outcome = await executors.UndoAsync(action, new UndoOptions { DeleteCreatedNodegroup = request.DeleteCreatedNodegroup }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = ActionOutcome.Failed($"{e.GetType().Name}: {e.Message}", retryable: true);
        }

        var now = service.Clock.GetUtcNow();
        var cluster = action.Target.Cluster ?? "-";
        await service.State.AppendAuditAsync(new AuditRecord
        {
            Cluster = cluster, At = now, Who = person, What = $"{action.Type} rollback {outcome.Status}", ActionId = id, ActionType = action.Type,
            Nodegroup = action.Target.Nodegroup, Why = $"{request.Reason} - {outcome.Reason}", Reference = outcome.Reference,
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.Status != ActionStatuses.Executed)
        {
            var status = outcome.Status == ActionStatuses.Failed ? RunbookStatuses.Failed : RunbookStatuses.Rejected;
            return Reply(request, action, status, $"Rollback of {action.Type} on {where} {(status == RunbookStatuses.Failed ? "failed" : "was not done")}: {outcome.Reason}");
        }

        await service.State.RemoveInFlightAsync(cluster, id, cancellationToken).ConfigureAwait(false);
        var rolledBack = action with
        {
            Status = ActionStatuses.Skipped,
            Reason = $"rolled back by {person} ({request.Reason}): {outcome.Reason}; it was: {action.Reason}",
            Reference = outcome.Reference ?? action.Reference,
        };
        await service.State.SaveActionAsync(rolledBack, cancellationToken).ConfigureAwait(false);
        if (action.Type == ActionTypes.EksMigrateNodegroup)
        {
            await MigrationRollback.RecordAsync(service, action, $"rolled back by {person} ({request.Reason}): {outcome.Reason}", now, cancellationToken).ConfigureAwait(false);
        }

        await new ServiceEvents(service).PublishAsync(
            [ServiceEvents.RolledBack(service, action, rolledBack.Reason, now)], cancellationToken).ConfigureAwait(false);
        return Reply(request, rolledBack, RunbookStatuses.Ok, $"Rolled back {action.Type} on {where}: {outcome.Reason}.");
    }

    private RunbookResponse Reply(RollbackRequest request, PlanAction action, string status, string summary) =>
        RunbookReplies.Reply(service, request, status, summary) with
        {
            Result = new RunbookActionResult { Action = action, ApprovedBy = request.ApprovedBy, Why = request.Reason },
        };
}
