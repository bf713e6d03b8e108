using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
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
internal sealed class ReconcileRun(ServiceContext service)
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
        ActionTypes.SsmRunCommand, ActionTypes.SsmAutomation,
    };

    private readonly List<FollowedAction> followed = [];
    private readonly List<VerificationReport> verified = [];
    private readonly List<EscalationReport> escalated = [];
    private readonly List<ClusterAuditReport> audit = [];
    private readonly List<Alert> alerts = [];
    private readonly List<string> notes = [];
    private readonly ActionFollower? follower = service.Aws is { } aws ? new ActionFollower(aws.Eks, aws.Ssm) : null;
    private readonly ContainerLogSearch? logSearch = service.Aws is { } aws ? new ContainerLogSearch(aws.Logs, service.Catalog) : null;
    private readonly AlertPublisher? publisher = service.Aws is { } aws ? new AlertPublisher(aws.Sns) : null;
    private int sent;

    public async Task<ReconcileResponse> RunAsync(string? eventId, DateTimeOffset? scheduled, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var clusters = Clusters();
        foreach (var cluster in clusters)
        {
            var inventory = await InventoryAsync(cluster, cancellationToken).ConfigureAwait(false);
            var report = inventory is null ? null : CompatibilityAudit.Default.Audit([inventory]);
            await FollowAsync(cluster, cancellationToken).ConfigureAwait(false);
            var remediations = await ExecutedRemediationsAsync(cluster, now, cancellationToken).ConfigureAwait(false);
            var from = remediations.Count > 0 ? Min(remediations.Min(r => r.At), now - WorkloadWindow) : now - WorkloadWindow;
            var sightings = await SightingsAsync(cluster, inventory, from, now, cancellationToken).ConfigureAwait(false);
            await VerifyAsync(remediations, sightings, report, now, cancellationToken).ConfigureAwait(false);
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

        if (service.Inventory is SnapshotInventorySource snapshots)
        {
            return [.. snapshots.Clusters.Order(StringComparer.Ordinal)];
        }

        notes.Add($"{ServiceSettings.ClustersVariable} is not set: no cluster to reconcile");
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

    // ---------------------------------------------------------------- 1. follow in-flight actions

    private async Task FollowAsync(string cluster, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        foreach (var action in await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            FollowResult result;
            if (follower is null)
            {
                result = new FollowResult(FollowStatuses.NotFollowed, "local run without --aws: the action's status is not read");
            }
            else
            {
                try
                {
                    result = await follower.FollowAsync(action, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = new FollowResult(FollowStatuses.Unknown, $"status could not be read ({e.GetType().Name}: {e.Message}); read again next run");
                    notes.Add($"could not follow {action.Type} {action.ActionId} on {cluster}: {e.Message} (retried next run)");
                }
            }

            followed.Add(new FollowedAction
            {
                ActionId = action.ActionId, Type = action.Type, Cluster = cluster, Nodegroup = action.Nodegroup, Reference = action.Reference,
                Status = result.Status, Detail = result.Detail,
            });
            if (!FollowStatuses.IsFinal(result.Status))
            {
                continue;
            }

            await service.State.AppendAuditAsync(new AuditRecord
            {
                Cluster = cluster, At = now, Who = service.Owner, What = $"{action.Type} {(result.Status == FollowStatuses.Successful ? "completed" : result.Status)}",
                ActionId = action.ActionId, ActionType = action.Type, Nodegroup = action.Nodegroup, Why = result.Detail, Reference = action.Reference,
            }, cancellationToken).ConfigureAwait(false);
            if (result.Status != FollowStatuses.Successful)
            {
                var remediation = new ExecutedRemediation
                {
                    ActionId = action.ActionId, Type = action.Type, Cluster = cluster, Nodegroup = action.Nodegroup, Cause = action.Cause,
                    Reference = action.Reference, At = action.StartedAt,
                };
                await EscalateAsync(remediation, "action-failed", result.Detail, result.Errors, now, cancellationToken).ConfigureAwait(false);
            }

            await service.State.RemoveInFlightAsync(cluster, action.ActionId, cancellationToken).ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- 2. verify executed remediations

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
            case ActionTypes.EksUpdateNodegroupVersion or ActionTypes.SsmRunCommand or ActionTypes.SsmAutomation when action.Nodegroup is { } same:
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
        await DeliverAsync(ReconcileAlerts.Escalation(action, kind, reason, evidence, service.Settings.RunbookFunction),
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

    // ---------------------------------------------------------------- 3. approvals waiting too long

    private async Task ApprovalsAsync(string cluster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeout = service.Policy.For(cluster).Escalation.ApprovalTimeoutMinutes;
        foreach (var approval in await service.State.GetApprovalsAsync(cluster, cancellationToken).ConfigureAwait(false))
        {
            if (approval.ApprovedBy is not null || now - approval.PendingSince < TimeSpan.FromMinutes(timeout))
            {
                continue;
            }

            var alert = ReconcileAlerts.ApprovalOverdue(cluster, approval.ActionId, approval.PendingSince, timeout, service.Settings.RunbookFunction);
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

    // ---------------------------------------------------------------- 4. compatibility audit

    private async Task AuditAsync(string cluster, CompatibilityAuditReport report, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        service.Metrics.Emit(
            [new MetricDimension("Cluster", cluster)],
            [new MetricDatum("CompatibleNodegroups", report.Summary.Compatible), new MetricDatum("IncompatibleNodegroups", report.Summary.Incompatible)]);
        var compatible = report.Nodegroups.Where(n => n.Compatible == true).Select(n => n.Nodegroup).ToList();
        var workloads = await WorkloadsAsync(cluster, sightings, now, cancellationToken).ConfigureAwait(false);
        var cooldown = service.Policy.For(cluster).Cooldowns.AfterActionMinutes;
        var incompatible = new List<IncompatibleNodegroupReport>();
        foreach (var group in report.Nodegroups.Where(n => n.Status == CompatibilityStatuses.Incompatible))
        {
            var alerted = await DeliverAsync(ReconcileAlerts.Incompatible(group, workloads, compatible),
                ClaimId("incompatible", cluster, group.Nodegroup, null, $"{group.AmiType}/{group.ReleaseVersion}"), cluster, group.Nodegroup, null,
                now.AddMinutes(Math.Max(1, cooldown)), cancellationToken).ConfigureAwait(false);
            incompatible.Add(new IncompatibleNodegroupReport
            {
                Nodegroup = group.Nodegroup, Reason = group.Reason, Missing = [.. group.Missing.Select(m => m.Id)], TargetAmiType = group.TargetAmiType,
                CompatibleNodegroups = compatible, Workloads = workloads, Alerted = alerted,
            });
        }

        audit.Add(new ClusterAuditReport
        {
            Cluster = cluster, Compatible = report.Summary.Compatible, Incompatible = report.Summary.Incompatible, Unknown = report.Summary.Unknown,
            IncompatibleNodegroups = incompatible,
        });
    }

    /// <summary>InstantOn workloads (namespace/name) seen in the cluster: restores in the logs read this run and failures detect recorded.</summary>
    private async Task<List<string>> WorkloadsAsync(string cluster, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = await service.State.GetRecentFailuresAsync(cluster, now - AffectedWindow, cancellationToken).ConfigureAwait(false);
        return sightings.Where(s => s.Pod is not null).Select(s => (Namespace: s.Namespace, Pod: s.Pod))
            .Concat(failures.Select(f => (Namespace: (string?)null, Pod: f.Pod)))
            .Select(p => WorkloadNames.Of(p.Pod) is { } w ? (p.Namespace is null ? w : p.Namespace + "/" + w) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // ---------------------------------------------------------------- alerts

    /// <summary>Claims the alert's deterministic id, then writes it (and sends it when running against AWS with a topic); false when already claimed.</summary>
    private async Task<bool> DeliverAsync(Alert alert, string claimId, string cluster, string? nodegroup, string? cause, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var claimed = await service.State.TryClaimActionAsync(new ActionClaim
        {
            ActionId = claimId, Type = ActionTypes.Notify, Cluster = cluster, Nodegroup = nodegroup, Cause = cause, Owner = service.Owner, ClaimedAt = now, ExpiresAt = expiresAt,
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
}
