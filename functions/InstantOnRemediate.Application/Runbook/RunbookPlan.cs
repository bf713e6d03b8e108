using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>
/// plan: what the service would do now about a cluster — Decide over the restore failures recorded within the
/// policy's threshold window (optionally one cause or node group), with the current inventory, state and pause
/// switch. Nothing is executed and nothing is recorded.
/// </summary>
internal sealed class RunbookPlan(ServiceContext service)
{
    public async Task<RunbookResponse> RunAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        var cluster = request.Cluster;
        if (RunbookReplies.OutsideClusters(service, request, cluster) is { } outside)
        {
            return outside;
        }

        var now = service.Clock.GetUtcNow();
        var window = service.Policy.For(cluster).Thresholds.WindowMinutes;
        var notes = new List<string>();
        bool InScope(FailureObservation f) => (request.Cause is null || f.Cause == request.Cause) && (request.Nodegroup is null || f.Nodegroup == request.Nodegroup);
        var failures = (await service.State.GetRecentFailuresAsync(cluster, now.AddMinutes(-window), cancellationToken).ConfigureAwait(false)).Where(InScope).ToList();
        var scope = cluster + (request.Nodegroup is { } ng ? "/" + ng : "") + (request.Cause is { } c ? $" ({c})" : "");
        if (failures.Count == 0)
        {
            var none = new Plan { Id = "plan-none", Mode = service.Options.Mode, CreatedAt = now.ToUnixTimeMilliseconds() };
            return RunbookReplies.Reply(service, request, RunbookStatuses.Ok, $"No restore failure of {scope} recorded in the last {window} min: nothing to do now.") with { Plan = none };
        }

        var findings = failures.Select(ToFinding).ToList();
        ClusterInventory? inventory = null;
        try
        {
            var nodes = failures.Select(f => f.Node).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            inventory = await service.Inventory.ForNodesAsync(cluster, nodes, cancellationToken).ConfigureAwait(false);
            if (inventory is null)
            {
                notes.Add($"no inventory for cluster {cluster}: node groups and kernels unknown");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notes.Add($"inventory of cluster {cluster} could not be gathered ({e.GetType().Name}: {e.Message}); planned without it");
        }

        var correlation = inventory is null ? [] : NodeCorrelator.Default.Correlate(findings, inventory);
        var snapshot = await StateSnapshotReader.ReadAsync(service.State, [cluster], service.Policy, now, cancellationToken).ConfigureAwait(false);
        var pause = await new PauseSwitch(service).ReadAsync(cancellationToken).ConfigureAwait(false);
        snapshot = snapshot with
        {
            RecentFailures = [.. snapshot.RecentFailures.Where(InScope)],
            Paused = snapshot.Paused || pause.Paused,
            PausedBy = pause.Paused ? pause.Source : snapshot.PausedBy,
        };
        var plan = Decider.Decide(new DecisionInput
        {
            Findings = findings,
            Inventories = inventory is null ? [] : [inventory],
            Correlations = correlation,
            Policy = service.Policy,
            State = snapshot,
            Now = now,
        });
        var pods = failures.Select(f => f.Pod).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var actions = plan.Actions.Count == 0 ? "no action" : string.Join("; ", plan.Actions.Select(a => $"{a.Type}{(a.Target.Nodegroup is { } n ? " on " + n : "")} {a.Status}{(a.Status == ActionStatuses.AwaitingApproval ? $" (approve: actionId {a.Id})" : "")}"));
        var summary = $"From {failures.Count} restore failure(s) across {pods} pod(s) of {scope} in {window} min the service would now: {actions}. Nothing was executed or recorded.";
        return RunbookReplies.Reply(service, request, RunbookStatuses.Ok, summary, [.. notes, .. plan.Notes]) with { Plan = plan };
    }

    /// <summary>A recorded failure as the finding Decide reads (the catalog supplies remedy, explanation and fix).</summary>
    private Finding ToFinding(FailureObservation failure)
    {
        var definition = service.Catalog.Cause(failure.Cause);
        return new Finding
        {
            Id = failure.FindingId,
            Verdict = Verdicts.RestoreFailure,
            Cause = failure.Cause,
            Remedy = definition?.Remedy is { Length: > 0 } remedy ? remedy : RemedyClasses.Unknown,
            Cluster = failure.Cluster,
            Pod = failure.Pod,
            Node = failure.Node,
            LogGroup = PodLogSearch.LogGroupOf(failure.Cluster),
            Explanation = definition?.Explanation,
            Fix = definition?.Fix,
            FirstTimestamp = failure.At.ToUnixTimeMilliseconds(),
            LastTimestamp = failure.At.ToUnixTimeMilliseconds(),
        };
    }
}
