using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Lambda.Handlers;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>Reconcile, step 2: verify executed remediations from later restore outcomes; step 3: escalate overdue approvals.</summary>
internal sealed partial class ReconcileRun
{
    /// <summary>Remediations executed within the verification horizon and not yet verified or escalated, from the audit trail.</summary>
    private async Task<List<ExecutedRemediation>> ExecutedRemediationsAsync(string cluster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeout = Timeout(cluster);
        var since = now - timeout - TimeSpan.FromDays(1);
        var trail = await service.State.GetAuditAsync(cluster, since, cancellationToken).ConfigureAwait(false);
        var closed = trail.Where(r => r.What is "verified" or "escalated" && r.ActionId is not null).Select(r => r.ActionId!).ToHashSet(StringComparer.Ordinal);
        var executed = trail
            .Where(r => r.ActionType is { } type && RemediationTypes.Contains(type) && r.What == $"{type} {ActionStatuses.Executed}" && r.ActionId is not null && !closed.Contains(r.ActionId))
            .GroupBy(r => r.ActionId!, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.At).First())
            .ToList();
        if (executed.Count == 0)
        {
            return [];
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

        return result;
    }

    private static bool IsReadOnlyDiagnostics(PlanAction action) => action.Parameters is Core.Actions.Definitions.SsmRunCommandParameters { ReadOnly: true };

    /// <summary>Restore outcomes since <paramref name="from"/>: failures detect recorded, plus the container logs (AWS) or the state store's success counters (offline).</summary>
    private async Task<List<RestoreSighting>> SightingsAsync(string cluster, ClusterInventory? inventory, DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sightings = new List<RestoreSighting>();
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
            return sightings;
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

        return sightings;
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

    private async Task VerifyAsync(List<ExecutedRemediation> remediations, List<RestoreSighting> sightings, CompatibilityAuditReport? report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var action in remediations.OrderBy(r => r.At))
        {
            var policy = service.Policy.For(action.Cluster);
            var failuresBefore = await service.State.GetRecentFailuresAsync(action.Cluster, action.At - AffectedWindow, cancellationToken).ConfigureAwait(false);
            var affected = failuresBefore
                .Where(f => f.Nodegroup == action.Nodegroup && f.Cause == action.Cause && f.At <= action.At)
                .Select(f => WorkloadNames.Of(f.Pod)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var outcome = FixVerifier.Judge(action, affected, Targets(action, report), sightings, now, SettleTime, Timeout(action.Cluster));
            verified.Add(new VerificationReport
            {
                ActionId = action.ActionId, Type = action.Type, Cluster = action.Cluster, Nodegroup = action.Nodegroup, Cause = action.Cause,
                ExecutedAt = action.At, Status = outcome.Status, Reason = outcome.Reason, Evidence = outcome.Evidence,
            });

            if (outcome.Status == VerificationStatuses.Verified)
            {
                var suppress = policy.Cooldowns.SuppressAfterVerifiedFixMinutes;
                await service.State.RecordVerifiedFixAsync(new VerifiedFix
                {
                    Cluster = action.Cluster, Nodegroup = action.Nodegroup ?? RemediationKey.UnknownNodegroup, Cause = action.Cause!, VerifiedAt = now, ActionId = action.ActionId,
                }, now.AddMinutes(suppress), cancellationToken).ConfigureAwait(false);
                await AuditAsync(action, "verified", outcome.Reason, now, cancellationToken).ConfigureAwait(false);
                await DeliverAsync(ReconcileAlerts.Verified(action, outcome, suppress), ClaimId("verified", action.Cluster, action.Nodegroup, action.Cause, action.ActionId),
                    action.Cluster, action.Nodegroup, action.Cause, now.AddMinutes(suppress), cancellationToken).ConfigureAwait(false);
                service.Metrics.Count("FixesVerified", 1, new MetricDimension("Cluster", action.Cluster), new MetricDimension("Cause", action.Cause ?? "unknown"));
            }
            else if (VerificationStatuses.IsEscalation(outcome.Status))
            {
                await EscalateAsync(action, outcome.Status, outcome.Reason, outcome.Evidence, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Node groups where a successful restore shows the fix worked.</summary>
    private static HashSet<string> Targets(ExecutedRemediation action, CompatibilityAuditReport? report)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        switch (action.Type)
        {
            case ActionTypes.EksCreateNodegroup when action.Reference is { } created:
                targets.Add(created);
                break;
            case ActionTypes.EksUpdateNodegroupVersion or ActionTypes.SsmRunCommand when action.Nodegroup is { } same:
                targets.Add(same);
                break;
            default:
                // Label / taint steer workloads away: they should now restore on a compatible group of the cluster.
                targets.UnionWith(report?.Nodegroups.Where(n => n.Compatible == true && n.Nodegroup != action.Nodegroup).Select(n => n.Nodegroup) ?? []);
                break;
        }

        return targets;
    }

    private async Task EscalateAsync(ExecutedRemediation action, string kind, string reason, IReadOnlyList<string> evidence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        escalated.Add(new EscalationReport { Kind = kind, Cluster = action.Cluster, ActionId = action.ActionId, Nodegroup = action.Nodegroup, Reason = reason });
        await AuditAsync(action, "escalated", $"{kind}: {reason}", now, cancellationToken).ConfigureAwait(false);
        await DeliverAsync(ReconcileAlerts.Escalation(action, kind, reason, evidence, service.Settings.Runbooks),
            ClaimId("escalated:" + kind, action.Cluster, action.Nodegroup, action.Cause, action.ActionId), action.Cluster, action.Nodegroup, action.Cause,
            now + EscalationClaimLifetime, cancellationToken).ConfigureAwait(false);
        service.Metrics.Count("Escalations", 1, new MetricDimension("Cluster", action.Cluster), new MetricDimension("Kind", kind));
    }

    private Task AuditAsync(ExecutedRemediation action, string what, string why, DateTimeOffset now, CancellationToken cancellationToken) =>
        service.State.AppendAuditAsync(new AuditRecord
        {
            Cluster = action.Cluster, At = now, Who = service.Owner, What = what, ActionId = action.ActionId, ActionType = action.Type, Nodegroup = action.Nodegroup,
            Why = why, Reference = action.Reference,
        }, cancellationToken);



    private async Task ApprovalsAsync(string cluster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeout = service.Policy.For(cluster).Escalation.ApprovalTimeoutMinutes;
        foreach (var approval in await service.State.GetApprovalsAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            if (approval.ApprovedBy is not null || now - approval.PendingSince < TimeSpan.FromMinutes(timeout))
            {
                continue;
            }

            var alert = ReconcileAlerts.ApprovalOverdue(cluster, approval.ActionId, approval.PendingSince, timeout, service.Settings.Runbooks);
            if (await DeliverAsync(alert, ClaimId("approval", cluster, null, null, approval.ActionId), cluster, null, null, now + EscalationClaimLifetime, cancellationToken).ConfigureAwait(false))
            {
                escalated.Add(new EscalationReport
                {
                    Kind = "approval-overdue", Cluster = cluster, ActionId = approval.ActionId,
                    Reason = $"awaiting approval since {approval.PendingSince:yyyy-MM-dd HH:mm}Z, longer than {timeout} min",
                });
                await service.State.AppendAuditAsync(new AuditRecord
                {
                    Cluster = cluster, At = now, Who = service.Owner, What = "approval escalated", ActionId = approval.ActionId,
                    Why = $"awaiting approval for more than {timeout} min",
                }, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
