using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>
/// apply: a person approves an action awaiting approval (or retries one that failed after approval). The approval
/// and its reason go into the audit trail, then the action runs through the same claim → execute → record path as
/// detect's (<see cref="PlanExecution.CarryOutApprovedAsync"/>). The approval is the person's decision to act, so
/// the approved action runs under recommend as under enforce; observe mode and the pause switch refuse it.
/// </summary>
internal sealed class RunbookApply(ServiceContext service)
{
    public async Task<RunbookResponse> RunAsync(ApplyRequest request, CancellationToken cancellationToken)
    {
        var id = request.ActionId;
        var person = request.ApprovedBy;
        var action = await service.State.GetActionAsync(id, cancellationToken).ConfigureAwait(false);
        if (action is null)
        {
            return RunbookReplies.Reply(service, request, RunbookStatuses.NotFound,
                $"No action {id} is known (actions are kept 30 days); the status action lists those awaiting approval.");
        }

        var cluster = action.Target.Cluster ?? "-";
        if (RunbookReplies.OutsideClusters(service, request, action.Target.Cluster) is { } outside)
        {
            return outside;
        }

        if (action.Status is not (ActionStatuses.AwaitingApproval or ActionStatuses.Failed))
        {
            var next = action.Status == ActionStatuses.Executed ? " To undo it, use rollback." : "";
            return Rejected(request, action, $"Action {id} ({action.Type} on {Where(action)}) is {action.Status}, not awaiting approval: nothing to approve.{next}");
        }

        if (service.Options.Mode == Modes.Observe)
        {
            return Rejected(request, action, $"The service runs in observe mode: approvals are not carried out (action {id} stays {action.Status}).");
        }

        var pause = await new PauseSwitch(service).ReadAsync(cancellationToken).ConfigureAwait(false);
        if (pause.Paused)
        {
            return Rejected(request, action, $"Paused ({pause.Source}): action {id} was not approved; resume first, then apply again.");
        }

        var now = service.Clock.GetUtcNow();
        if (!await service.State.ApproveAsync(cluster, id, person, now, cancellationToken).ConfigureAwait(false))
        {
            return Rejected(request, action, $"Action {id} has no open approval request (it expired after 14 days or was never recorded); let detect plan it again.");
        }

        var why = request.PlanId is { } plan ? $"{request.Reason} (plan {plan})" : request.Reason;
        await service.State.AppendAuditAsync(new AuditRecord
        {
            Cluster = cluster, At = now, Who = person, What = $"{action.Type} approved", ActionId = id, ActionType = action.Type, Nodegroup = action.Target.Nodegroup, Why = why,
        }, cancellationToken).ConfigureAwait(false);

        var approved = action with { Status = ActionStatuses.Planned, Mode = Modes.Enforce, Reason = $"{action.Reason} - approved by {person}: {request.Reason}" };
        var execution = new PlanExecution(service);
        var result = await execution.CarryOutApprovedAsync(approved, cancellationToken).ConfigureAwait(false);
        var (account, region) = ServiceEvents.Stack(service);
        await new ServiceEvents(service).PublishAsync(
            PlanEvents.Of(new Plan { Id = request.PlanId ?? "-", Mode = Modes.Enforce, Actions = [result] }, [], account, region, now),
            cancellationToken).ConfigureAwait(false);
        var outcome = new RunbookActionResult
        {
            Action = result,
            ApprovedBy = person,
            Why = why,
            Next = result.Status == ActionStatuses.Executed ? RunbookCommands.Payload(new RollbackRequest(id, RunbookPlaceholders.Person, RunbookPlaceholders.Reason) { DeleteCreatedNodegroup = ActionKinds.Find(result.Type)?.CreatesNodegroup == true }) : null,
        };
        var (status, summary) = result.Status switch
        {
            ActionStatuses.Executed => (RunbookStatuses.Ok, $"Approved by {person} and carried out: {action.Type} on {Where(action)} (reference {result.Reference ?? "-"}); reconcile follows it."),
            ActionStatuses.Failed => (RunbookStatuses.Failed, $"Approved by {person} but {action.Type} on {Where(action)} failed: {result.Reason}"),
            ActionStatuses.Planned => (RunbookStatuses.Ok, $"Approved by {person}; not carried out by this local run (no AWS): detect carries it out once it runs against AWS in a mode that acts."),
            _ => (RunbookStatuses.Rejected, $"Approved by {person} but not carried out: {result.Reason}"),
        };
        return RunbookReplies.Reply(service, request, status, summary, execution.Notes) with { Result = outcome };
    }

    private RunbookResponse Rejected(ApplyRequest request, PlanAction action, string summary) =>
        RunbookReplies.Reply(service, request, RunbookStatuses.Rejected, summary) with
        {
            Result = new RunbookActionResult { Action = action, ApprovedBy = request.ApprovedBy, Why = request.Reason },
        };

    internal static string Where(PlanAction action) => action.Target.Nodegroup is { } ng ? $"{action.Target.Cluster}/{ng}" : action.Target.Cluster ?? "-";
}
