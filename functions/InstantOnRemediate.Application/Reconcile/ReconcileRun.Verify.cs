using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>Reconcile, step 2: read the executed remediations and the restore outcomes since (what follows is <see cref="ReconcileDecider.Verify"/>).</summary>
internal sealed partial class ReconcileRun
{
    /// <summary>Remediations executed within the verification horizon and not yet verified or escalated, from the audit trail.</summary>
    private async Task<(List<ExecutedRemediation> Remediations, ReconcileOutcome Outcome)> ExecutedRemediationsAsync(string cluster, ReconcileContext context, CancellationToken cancellationToken)
    {
        var since = context.Now - context.EscalationTimeout - TimeSpan.FromDays(1);
        var trail = await service.State.GetAuditAsync(cluster, since, cancellationToken).ConfigureAwait(false);
        var closed = trail.Where(r => r.What is "verified" or "escalated" && r.ActionId is not null).Select(r => r.ActionId!).ToHashSet(StringComparer.Ordinal);
        var executed = trail
            .Where(r => r.ActionType is { } type && ActionKinds.Find(type) is { ProvenOn: not ProvenOn.Nowhere } && r.What == $"{type} {ActionStatuses.Executed}" && r.ActionId is not null && !closed.Contains(r.ActionId))
            .GroupBy(r => r.ActionId!, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.At).First())
            .ToList();
        if (executed.Count == 0)
        {
            return ([], ReconcileOutcome.Empty);
        }

        // The audit line does not carry the cause: the action's in-flight entry, cooldown or claim does.
        var causes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            Remember(causes, a.ActionId, a.Cause);
        }

        foreach (var c in await service.State.GetCooldownsAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            Remember(causes, c.ActionId, c.Cause);
        }

        foreach (var c in await service.State.GetRecentClaimsAsync(cluster, since, cancellationToken).ConfigureAwait(false))
        {
            Remember(causes, c.ActionId, c.Cause);
        }

        var result = new List<ExecutedRemediation>();
        var notes = new List<string>();
        foreach (var r in executed)
        {
            if (r.ActionType == ActionTypes.SsmRunCommand && await service.State.GetActionAsync(r.ActionId!, cancellationToken).ConfigureAwait(false) is { } saved && IsReadOnlyDiagnostics(saved))
            {
                continue; // diagnostics change nothing: their outcome is the node's report (step 1b), not a fix to verify
            }

            if (!causes.TryGetValue(r.ActionId!, out var cause))
            {
                notes.Add($"{r.ActionType} {r.ActionId} on {cluster}: its cause is no longer in the state store (cooldown and claim expired): not verified");
                continue;
            }

            result.Add(new ExecutedRemediation
            {
                ActionId = r.ActionId!, Type = r.ActionType!, Cluster = cluster, Nodegroup = r.Nodegroup, Cause = cause, Reference = r.Reference, At = r.At,
            });
        }

        return (result, ReconcileOutcome.FromNotes(notes));
    }

    private static bool IsReadOnlyDiagnostics(PlanAction action) => action.Parameters is Core.Actions.Definitions.SsmRunCommandParameters { ReadOnly: true };

    /// <summary>Restore outcomes since <paramref name="from"/>: failures detect recorded, plus the container logs (AWS) or the state store's success counters (offline).</summary>
    private async Task<(List<RestoreSighting> Sightings, ReconcileOutcome Outcome)> SightingsAsync(string cluster, ClusterInventory? inventory, DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sightings = new List<RestoreSighting>();
        var notes = new List<string>();
        foreach (var f in await service.State.GetRecentFailuresAsync(cluster, from, cancellationToken).ConfigureAwait(false))
        {
            sightings.Add(new RestoreSighting
            {
                Verdict = Verdicts.RestoreFailure, Cause = f.Cause, Pod = f.Pod, Node = f.Node, Nodegroup = f.Nodegroup == RemediationKey.UnknownNodegroup ? null : f.Nodegroup,
                At = f.At, Source = "detect",
            });
        }

        if (logSearch is null)
        {
            sightings.AddRange(await CountedSuccessesAsync(inventory, cancellationToken).ConfigureAwait(false));
            return (sightings, ReconcileOutcome.Empty);
        }

        foreach (var logGroup in ContainerLogSearch.LogGroupsOf(cluster, service.Settings.ContainerLogGroups))
        {
            try
            {
                var result = await logSearch.SearchAsync(logGroup, from, now, cancellationToken).ConfigureAwait(false);
                if (!result.Complete)
                {
                    notes.Add($"{logGroup}: more restore outcomes than one run reads ({result.Events} events): the rest are read next run");
                }

                sightings.AddRange(FromLogs(result, inventory));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"container log group {logGroup} could not be read ({e.GetType().Name}: {e.Message}): verification retried next run");
                service.Log.Warn("reconcile log search failed", new LogField("logGroup", logGroup), new LogField("error", e.Message));
            }
        }

        return (sightings, ReconcileOutcome.FromNotes(notes));
    }

    private static IEnumerable<RestoreSighting> FromLogs(LogSearchResult result, ClusterInventory? inventory)
    {
        var placed = inventory is null ? [] : NodeCorrelator.Default.Correlate(result.Findings, inventory);
        foreach (var finding in result.Findings.Where(f => f.Verdict is Verdicts.RestoreSuccess or Verdicts.RestoreFailure))
        {
            var node = placed.FirstOrDefault(c => c.Node == finding.Node);
            var refined = node is null ? finding : CauseRefiner.Default.Refine(finding, node.Kernel, node.KernelSource).Finding;
            yield return new RestoreSighting
            {
                Verdict = refined.Verdict, Cause = refined.Cause, Namespace = refined.Namespace, Pod = refined.Pod, Node = refined.Node, Nodegroup = node?.Nodegroup,
                At = DateTimeOffset.FromUnixTimeMilliseconds(refined.LastTimestamp), Source = result.LogGroup,
            };
        }
    }

    /// <summary>Offline evidence: the successes detect counted per AMI release, for each node group running that release (no time kept).</summary>
    private async Task<IEnumerable<RestoreSighting>> CountedSuccessesAsync(ClusterInventory? inventory, CancellationToken cancellationToken)
    {
        if (inventory is null)
        {
            return [];
        }

        var counts = await service.State.GetRestoreOutcomesAsync(cancellationToken).ConfigureAwait(false);
        return inventory.Nodegroups
            .Select(ng => (ng, count: counts.FirstOrDefault(c => c.AmiType == ng.AmiFamily && c.ReleaseVersion == ng.ReleaseVersion)))
            .Where(x => x.count is { Successes: > 0 })
            .Select(x => new RestoreSighting
            {
                Verdict = Verdicts.RestoreSuccess, Cause = CauseIds.None, Nodegroup = x.ng.Name,
                Source = $"state store: {x.count!.Successes} successful restore(s) counted on {x.ng.AmiFamily} {x.ng.ReleaseVersion}",
            })
            .ToList();
    }

    /// <summary>Each remediation with the workloads whose failures it was for (failures detect recorded before it ran) and where a success proves it.</summary>
    private async Task<List<VerifyObservation>> ObserveRemediationsAsync(List<ExecutedRemediation> remediations, CompatibilityAuditReport? report, CancellationToken cancellationToken)
    {
        var observations = new List<VerifyObservation>();
        foreach (var action in remediations)
        {
            var failuresBefore = await service.State.GetRecentFailuresAsync(action.Cluster, action.At - AffectedWindow, cancellationToken).ConfigureAwait(false);
            var affected = failuresBefore
                .Where(f => f.Nodegroup == action.Nodegroup && f.Cause == action.Cause && f.At <= action.At)
                .Select(f => WorkloadNames.Of(f.Pod)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            observations.Add(new VerifyObservation(action, affected, Targets(action, report)));
        }

        return observations;
    }

    /// <summary>Node groups where a successful restore shows the fix worked.</summary>
    private static HashSet<string> Targets(ExecutedRemediation action, CompatibilityAuditReport? report)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        switch (ActionKinds.Of(action.Type).ProvenOn)
        {
            case ProvenOn.CreatedNodegroup when action.Reference is { } created:
                targets.Add(created);
                break;
            case ProvenOn.SameNodegroup when action.Nodegroup is { } same:
                targets.Add(same);
                break;
            case ProvenOn.CompatibleNodegroups:
                // A label or taint steers workloads away: they should now restore on a compatible group of the cluster.
                targets.UnionWith(report?.Nodegroups.Where(n => n.Compatible == true && n.Nodegroup != action.Nodegroup).Select(n => n.Nodegroup) ?? []);
                break;
        }

        return targets;
    }
}
