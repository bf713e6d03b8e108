using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// Carries out a plan: each executable action is claimed (conditional write) before it runs, so duplicate
/// deliveries and concurrent invocations act once; its outcome goes into the plan, the audit trail, cooldowns,
/// the in-flight list and metrics. Offline nothing runs: the plan and the rendered alerts are the output.
/// </summary>
internal sealed class PlanExecution(ServiceContext service)
{
    private readonly List<Alert> alerts = [];
    private readonly List<string> notes = [];

    public IReadOnlyList<Alert> Alerts => alerts;

    public IReadOnlyList<string> Notes => notes;

    /// <summary>An action failed for a transient reason: its claim was released and the invocation should be retried.</summary>
    public bool HasRetryableFailure { get; private set; }

    public async Task<Plan> CarryOutAsync(Plan plan, IReadOnlyList<Finding> findings, IReadOnlyList<NodeCorrelation> correlation,
        IReadOnlyList<ClusterInventory> inventories, CancellationToken cancellationToken)
    {
        var results = new List<PlanAction>(plan.Actions.Count);
        foreach (var action in plan.Actions)
        {
            // The alert is written after the actions before it ran, so it says what was done, not what was planned.
            var alert = action.Type == ActionTypes.Notify ? Compose(plan with { Actions = [.. results, .. plan.Actions.Skip(results.Count)] }, action, findings, correlation, inventories) : null;
            if (alert is not null)
            {
                alerts.Add(alert);
            }

            results.Add(await CarryOutAsync(action, alert, cancellationToken).ConfigureAwait(false));
        }

        return plan with { Actions = results };
    }

    /// <summary>
    /// Carries out one action a person approved (runbook apply) through the same claim → execute → record path;
    /// <paramref name="approved"/> must be planned (its approval already recorded by the caller).
    /// </summary>
    public Task<PlanAction> CarryOutApprovedAsync(PlanAction approved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approved);
        return CarryOutAsync(approved, alert: null, cancellationToken);
    }

    private async Task<PlanAction> CarryOutAsync(PlanAction action, Alert? alert, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var cluster = action.Target.Cluster ?? "-";
        if (action.Status == ActionStatuses.AwaitingApproval)
        {
            await service.State.RecordPendingApprovalAsync(cluster, action.Id, now, cancellationToken).ConfigureAwait(false);
            await service.State.SaveActionAsync(action, cancellationToken).ConfigureAwait(false);
            return action;
        }

        if (!ExecutionRule.ShouldExecute(action))
        {
            return action;
        }

        if (service.Executors is not { } executors)
        {
            return action with
            {
                Reason = action.Reason + (action.Type == ActionTypes.Notify
                    ? " (local run: the alert is shown in 'alerts', not sent)"
                    : " (local run without --aws: not carried out)"),
            };
        }

        var policy = service.Policy.For(action.Target.Cluster);
        var claimed = await service.State.TryClaimActionAsync(new ActionClaim
        {
            ActionId = action.Id, Type = action.Type, Cluster = cluster, Nodegroup = action.Target.Nodegroup, Cause = action.Cause,
            Owner = service.Owner, ClaimedAt = now, ExpiresAt = now.AddMinutes(Math.Max(1, policy.Cooldowns.AfterActionMinutes)),
        }, cancellationToken).ConfigureAwait(false);
        if (!claimed)
        {
            return action with { Status = ActionStatuses.Skipped, Reason = "already carried out by an earlier or concurrent invocation (the action's claim is held): " + action.Reason };
        }

        ActionOutcome outcome;
        try
        {
            outcome = action.Type == ActionTypes.Notify && executors.For(ActionTypes.Notify) is NotifyExecutor notify
                ? await notify.PublishAsync(action, alert, cancellationToken, now).ConfigureAwait(false)
                : await executors.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = ActionOutcome.Failed($"{e.GetType().Name}: {e.Message}", retryable: true);
        }

        var result = action with
        {
            Status = outcome.Status,
            Reason = action.Reason + " — " + outcome.Reason,
            Reference = outcome.Reference ?? action.Reference,
        };
        await RecordAsync(result, outcome, policy.Cooldowns.AfterActionMinutes, now, cancellationToken).ConfigureAwait(false);
        if (result.Type != ActionTypes.Notify)
        {
            await service.State.SaveActionAsync(result, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task RecordAsync(PlanAction action, ActionOutcome outcome, int cooldownMinutes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cluster = action.Target.Cluster ?? "-";
        service.Metrics.Count("ActionsTaken", 1, new MetricDimension("Type", action.Type), new MetricDimension("Status", action.Status));
        await service.State.AppendAuditAsync(new AuditRecord
        {
            Cluster = cluster, At = now, Who = service.Owner, What = $"{action.Type} {action.Status}", ActionId = action.Id, ActionType = action.Type,
            Nodegroup = action.Target.Nodegroup, Why = action.Reason, Reference = action.Reference,
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.Status == ActionStatuses.Skipped)
        {
            // Not carried out (e.g. another update of the node group was in flight): a later batch may try again.
            await service.State.ReleaseClaimAsync(action.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (outcome.Status == ActionStatuses.Failed)
        {
            // Transient: the invocation is retried. Otherwise (document missing, access denied, no SSM agent, ...):
            // the failure is in the alert and the audit trail, and the claim is released so a later batch or a
            // person's apply can carry it out once the cause is fixed.
            HasRetryableFailure |= outcome.Retryable;
            notes.Add(outcome.Retryable
                ? $"action {action.Id} ({action.Type}) failed for a transient reason; its claim was released so a retry can carry it out"
                : $"action {action.Id} ({action.Type}) failed: {outcome.Reason}; its claim was released so it can be carried out once that is fixed");
            await service.State.ReleaseClaimAsync(action.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (outcome.Status != ActionStatuses.Executed || action.Type == ActionTypes.Notify)
        {
            return;
        }

        foreach (var key in PlanActionKeys.KeysOf(action))
        {
            await service.State.SetCooldownAsync(new CooldownRecord
            {
                Cluster = key.Cluster, Nodegroup = key.Nodegroup, Cause = key.Cause, Until = now.AddMinutes(cooldownMinutes), ActionId = action.Id,
            }, cancellationToken).ConfigureAwait(false);
        }

        await service.State.PutInFlightAsync(new InFlightAction
        {
            ActionId = action.Id, Type = action.Type, Cluster = cluster, Nodegroup = action.Target.Nodegroup, Cause = action.Cause,
            Reference = action.Reference, StartedAt = now,
            Document = (action.Parameters as Core.Actions.Definitions.SsmRunCommandParameters)?.DocumentName,
        }, cancellationToken).ConfigureAwait(false);
    }

    private Alert Compose(Plan plan, PlanAction notify, IReadOnlyList<Finding> findings, IReadOnlyList<NodeCorrelation> correlation, IReadOnlyList<ClusterInventory> inventories)
    {
        var cluster = notify.Target.Cluster ?? "unknown";
        var cause = notify.Cause ?? Core.Classification.RemedyClasses.Unknown;
        IReadOnlyList<string> nodegroups = notify.Target.Nodegroup is { } one ? [one]
            : notify.Parameters is Core.Actions.Definitions.NotifyParameters advice ? advice.Nodegroups : [];
        var ids = notify.FindingIds.ToHashSet(StringComparer.Ordinal);
        var group = findings.Where(f => ids.Contains(f.Id)).ToList();
        var nodes = group.Select(f => f.Node).ToHashSet(StringComparer.Ordinal);
        var inventory = inventories.FirstOrDefault(i => i.Cluster == cluster);
        return AlertWriter.Compose(new AlertGroup
        {
            Cluster = cluster,
            Nodegroup = nodegroups.Count switch
            {
                0 => null,
                1 => nodegroups[0],
                <= 5 => string.Join(", ", nodegroups),
                _ => $"{string.Join(", ", nodegroups.Take(5))} and {nodegroups.Count - 5} more",
            },
            Cause = cause,
            Findings = group,
            Correlation = [.. correlation.Where(c => nodes.Contains(c.Node))],
            NodegroupDetail = nodegroups.Count == 1 ? inventory?.Nodegroups.FirstOrDefault(n => n.Name == nodegroups[0]) : null,
            Actions = [.. plan.Actions.Where(a => a.Type != ActionTypes.Notify && a.Type != ActionTypes.None && a.Target.Cluster == cluster && a.Cause == cause && (notify.Target.Nodegroup is null || a.Target.Nodegroup == notify.Target.Nodegroup || PlanActionKeys.KeysOf(a).Any(k => k.Nodegroup == notify.Target.Nodegroup)))],
            Notify = notify,
            PlanId = plan.Id,
            Mode = plan.Mode,
            Runbooks = service.Settings.Runbooks,
            FeatureMinimums = KernelFeatureMatrix.Default.Features.ToDictionary(f => f.Id, f => KernelFeatureMatrix.Default.Minimum(f.Id).Series, StringComparer.Ordinal),
        });
    }
}
