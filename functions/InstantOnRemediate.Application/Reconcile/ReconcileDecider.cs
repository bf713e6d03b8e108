using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// Reconcile's decisions, as pure functions of what it read (like <see cref="Decider.Decide"/> for detect): which
/// in-flight actions ended and how, which fixes are verified or escalated, which approvals are overdue, which node
/// groups to alert on. Each returns a <see cref="ReconcileDecision"/>: the reports, and the effects in the order
/// <see cref="ReconcileRun"/> carries them out (state writes, alerts claimed before they are sent, metrics).
/// Nothing here reads the clock, the environment, AWS or the state store.
/// </summary>
internal static class ReconcileDecider
{
    /// <summary>Time pods get to be rescheduled after an action before its effect is judged.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    /// <summary>How long an escalation's claim keeps the same escalation from being sent again.</summary>
    public static readonly TimeSpan EscalationClaimLifetime = TimeSpan.FromDays(14);

    /// <summary>In-flight actions read this run: the final ones are audited, the failed ones escalated, and all final ones leave the in-flight list.</summary>
    public static ReconcileDecision Follow(IReadOnlyList<FollowObservation> observations, ReconcileContext context)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(context);
        var decision = ReconcileDecision.Empty;
        foreach (var seen in observations)
        {
            var action = seen.Action;
            decision = decision.Then(new ReconcileDecision { Notes = seen.Notes });
            if (seen.Result is not { } result)
            {
                continue; // not read to the end this run (see the note): stays in flight
            }

            decision = decision.Then(new ReconcileDecision
            {
                Followed =
                [
                    new FollowedAction
                    {
                        ActionId = action.ActionId, Type = action.Type, Cluster = action.Cluster, Nodegroup = action.Nodegroup, Reference = action.Reference,
                        Status = result.Status, Detail = seen.Verdict is null ? result.Detail : $"{result.Detail}; {seen.Verdict.Detail}", NodeVerdict = seen.Verdict,
                    },
                ],
            });
            if (seen.Probe is { } probe)
            {
                decision = decision.Then(ReconcileDecision.Of(new RecordNodeProbe(probe, context.Now + ProbedInventorySource.RecordLifetime)));
                if (seen.Verdict is { Changed: true } changed)
                {
                    decision = decision.Then(ReconcileDecision.Of(new AppendAudit(new AuditRecord
                    {
                        Cluster = action.Cluster, At = context.Now, Who = context.Owner, What = "node-group verdict from node diagnostics",
                        ActionId = action.ActionId, ActionType = action.Type, Nodegroup = probe.Nodegroup, Why = changed.Detail, Reference = probe.CommandId,
                    })));
                }
            }

            if (!FollowStatuses.IsFinal(result.Status))
            {
                continue;
            }

            decision = decision.Then(ReconcileDecision.Of(new AppendAudit(new AuditRecord
            {
                Cluster = action.Cluster, At = context.Now, Who = context.Owner, What = $"{action.Type} {(result.Status == FollowStatuses.Successful ? "completed" : result.Status)}",
                ActionId = action.ActionId, ActionType = action.Type, Nodegroup = action.Nodegroup, Why = result.Detail, Reference = action.Reference,
            })));
            if (result.Status != FollowStatuses.Successful)
            {
                var remediation = new ExecutedRemediation
                {
                    ActionId = action.ActionId, Type = action.Type, Cluster = action.Cluster, Nodegroup = action.Nodegroup, Cause = action.Cause,
                    Reference = action.Reference, At = action.StartedAt,
                };
                decision = decision.Then(Escalate(remediation, "action-failed", result.Detail, result.Errors, context));
            }

            decision = decision.Then(ReconcileDecision.Of(new RemoveInFlight(action.Cluster, action.ActionId)));
        }

        return decision;
    }

    /// <summary>
    /// Each executed remediation judged from later restore outcomes (<see cref="FixVerifier"/>): verified → the fix is
    /// recorded (new failures of its cause on its node group are suppressed), audited and announced; fix-not-working or
    /// no-outcome → escalated.
    /// </summary>
    public static ReconcileDecision Verify(IReadOnlyList<VerifyObservation> remediations, IReadOnlyList<RestoreSighting> sightings, ReconcileContext context)
    {
        ArgumentNullException.ThrowIfNull(remediations);
        ArgumentNullException.ThrowIfNull(sightings);
        ArgumentNullException.ThrowIfNull(context);
        var decision = ReconcileDecision.Empty;
        foreach (var (action, affected, targets) in remediations.OrderBy(r => r.Action.At))
        {
            var outcome = FixVerifier.Judge(action, affected, targets, sightings, context.Now, SettleTime, context.EscalationTimeout);
            decision = decision.Then(new ReconcileDecision
            {
                Verified =
                [
                    new VerificationReport
                    {
                        ActionId = action.ActionId, Type = action.Type, Cluster = action.Cluster, Nodegroup = action.Nodegroup, Cause = action.Cause,
                        ExecutedAt = action.At, Status = outcome.Status, Reason = outcome.Reason, Evidence = outcome.Evidence,
                    },
                ],
            });

            if (outcome.Status == VerificationStatuses.Verified)
            {
                var suppress = context.Policy.Cooldowns.SuppressAfterVerifiedFixMinutes;
                decision = decision.Then(new ReconcileDecision
                {
                    Effects =
                    [
                        new RecordVerifiedFix(
                            new VerifiedFix { Cluster = action.Cluster, Nodegroup = action.Nodegroup ?? RemediationKey.UnknownNodegroup, Cause = action.Cause!, VerifiedAt = context.Now, ActionId = action.ActionId },
                            context.Now.AddMinutes(suppress)),
                        new AppendAudit(Audit(action, "verified", outcome.Reason, context)),
                        new Deliver(new ClaimedAlert(
                            ReconcileAlerts.Verified(action, outcome, suppress),
                            ClaimId("verified", action.Cluster, action.Nodegroup, action.Cause, action.ActionId),
                            action.Cluster, action.Nodegroup, action.Cause, context.Now.AddMinutes(suppress))),
                        new CountMetric("FixesVerified", [new MetricDimension("Cluster", action.Cluster), new MetricDimension("Cause", action.Cause ?? "unknown")]),
                    ],
                });
            }
            else if (VerificationStatuses.IsEscalation(outcome.Status))
            {
                decision = decision.Then(Escalate(action, outcome.Status, outcome.Reason, outcome.Evidence, context));
            }
        }

        return decision;
    }

    /// <summary>Approvals waiting longer than the policy's timeout: one alert each (its claim), reported and audited only when claimed now.</summary>
    public static ReconcileDecision OverdueApprovals(string cluster, IReadOnlyList<ApprovalRecord> approvals, ReconcileContext context)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(context);
        var timeout = context.Policy.Escalation.ApprovalTimeoutMinutes;
        var decision = ReconcileDecision.Empty;
        foreach (var approval in approvals.Where(a => a.ApprovedBy is null && context.Now - a.PendingSince >= TimeSpan.FromMinutes(timeout)))
        {
            var alert = ReconcileAlerts.ApprovalOverdue(cluster, approval.ActionId, approval.PendingSince, timeout, context.Runbooks);
            decision = decision.Then(ReconcileDecision.Of(new Deliver(
                new ClaimedAlert(alert, ClaimId("approval", cluster, null, null, approval.ActionId), cluster, null, null, context.Now + EscalationClaimLifetime),
                IfClaimed:
                [
                    new AppendAudit(new AuditRecord
                    {
                        Cluster = cluster, At = context.Now, Who = context.Owner, What = "approval escalated", ActionId = approval.ActionId,
                        Why = $"awaiting approval for more than {timeout} min",
                    }),
                ],
                ReportIfClaimed: new EscalationReport
                {
                    Kind = "approval-overdue", Cluster = cluster, ActionId = approval.ActionId,
                    Reason = $"awaiting approval since {approval.PendingSince:yyyy-MM-dd HH:mm}Z, longer than {timeout} min",
                })));
        }

        return decision;
    }

    /// <summary>The compatibility audit of a cluster: one alert per node group that cannot restore, per AMI release and cooldown.</summary>
    public static ReconcileDecision Audit(string cluster, CompatibilityAuditReport report, IReadOnlyList<string> workloads, ReconcileContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(context);
        var compatible = report.Nodegroups.Where(n => n.Compatible == true).Select(n => n.Nodegroup).ToList();
        var cooldown = context.Policy.Cooldowns.AfterActionMinutes;
        var effects = new List<ReconcileEffect>
        {
            new EmitMetrics(
                [new MetricDimension("Cluster", cluster)],
                [new MetricDatum("CompatibleNodegroups", report.Summary.Compatible), new MetricDatum("IncompatibleNodegroups", report.Summary.Incompatible)]),
        };
        var incompatible = new List<IncompatibleNodegroupReport>();
        foreach (var group in report.Nodegroups.Where(n => n.Status == CompatibilityStatuses.Incompatible))
        {
            var claim = ClaimId("incompatible", cluster, group.Nodegroup, null, $"{group.AmiType}/{group.ReleaseVersion}");
            effects.Add(new Deliver(new ClaimedAlert(ReconcileAlerts.Incompatible(group, workloads, compatible), claim, cluster, group.Nodegroup, null, context.Now.AddMinutes(Math.Max(1, cooldown)))));
            incompatible.Add(new IncompatibleNodegroupReport
            {
                Nodegroup = group.Nodegroup, Reason = group.Reason, Missing = [.. group.Missing.Select(m => m.Id)], TargetAmiType = group.TargetAmiType,
                CompatibleNodegroups = compatible, Workloads = workloads, AlertClaimId = claim,
            });
        }

        return new ReconcileDecision
        {
            Effects = effects,
            Audit =
            [
                new ClusterAuditReport
                {
                    Cluster = cluster, Compatible = report.Summary.Compatible, Incompatible = report.Summary.Incompatible, Unknown = report.Summary.Unknown,
                    IncompatibleNodegroups = incompatible,
                },
            ],
        };
    }

    /// <summary>An executed action that needs a person: reported, audited, alerted once (its claim) and counted.</summary>
    public static ReconcileDecision Escalate(ExecutedRemediation action, string kind, string reason, IReadOnlyList<string> evidence, ReconcileContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        return new ReconcileDecision
        {
            Escalated = [new EscalationReport { Kind = kind, Cluster = action.Cluster, ActionId = action.ActionId, Nodegroup = action.Nodegroup, Reason = reason }],
            Effects =
            [
                new AppendAudit(Audit(action, "escalated", $"{kind}: {reason}", context)),
                new Deliver(new ClaimedAlert(
                    ReconcileAlerts.Escalation(action, kind, reason, evidence, context.Runbooks),
                    ClaimId("escalated:" + kind, action.Cluster, action.Nodegroup, action.Cause, action.ActionId), action.Cluster, action.Nodegroup, action.Cause,
                    context.Now + EscalationClaimLifetime)),
                new CountMetric("Escalations", [new MetricDimension("Cluster", action.Cluster), new MetricDimension("Kind", kind)]),
            ],
        };
    }

    /// <summary>The deterministic claim id of a reconcile alert.</summary>
    public static string ClaimId(string kind, string cluster, string? nodegroup, string? cause, string discriminator) =>
        ActionIds.For(ActionTypes.Notify, cluster, nodegroup, cause, "reconcile:" + kind + ":" + discriminator);

    private static AuditRecord Audit(ExecutedRemediation action, string what, string why, ReconcileContext context) => new()
    {
        Cluster = action.Cluster, At = context.Now, Who = context.Owner, What = what, ActionId = action.ActionId, ActionType = action.Type, Nodegroup = action.Nodegroup,
        Why = why, Reference = action.Reference,
    };
}

/// <summary>What every reconcile decision about one cluster is made against.</summary>
internal sealed record ReconcileContext(RemediationPolicy Policy, DateTimeOffset Now, string Owner, RunbookLinks Runbooks)
{
    /// <summary>How long an executed fix or a pending approval may go without an outcome before a person is asked.</summary>
    public TimeSpan EscalationTimeout => TimeSpan.FromMinutes(Math.Max(1, Policy.Escalation.ApprovalTimeoutMinutes));
}

/// <summary>An in-flight action as read this run: its status (null when it could not be read to the end), the node's verdict for diagnostics, notes.</summary>
internal sealed record FollowObservation(InFlightAction Action, FollowResult? Result, NodeVerdictReport? Verdict)
{
    /// <summary>What a finished diagnostics run's nodes reported, to be recorded for the node group.</summary>
    public NodeProbeRecord? Probe { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>An executed remediation with the workloads it was for and the node groups where a success proves it.</summary>
internal sealed record VerifyObservation(ExecutedRemediation Action, IReadOnlySet<string> Affected, IReadOnlySet<string> Targets);

/// <summary>An alert reconcile sends: claimed with its deterministic id first, so it goes out once.</summary>
internal sealed record ClaimedAlert(Alert Alert, string ClaimId, string Cluster, string? Nodegroup, string? Cause, DateTimeOffset ExpiresAt);

/// <summary>One thing a reconcile decision asks to be done, in order.</summary>
internal abstract record ReconcileEffect;

internal sealed record AppendAudit(AuditRecord Record) : ReconcileEffect;

internal sealed record RecordVerifiedFix(VerifiedFix Fix, DateTimeOffset ExpiresAt) : ReconcileEffect;

internal sealed record RecordNodeProbe(NodeProbeRecord Probe, DateTimeOffset ExpiresAt) : ReconcileEffect;

internal sealed record RemoveInFlight(string Cluster, string ActionId) : ReconcileEffect;

internal sealed record CountMetric(string Name, IReadOnlyList<MetricDimension> Dimensions) : ReconcileEffect;

internal sealed record EmitMetrics(IReadOnlyList<MetricDimension> Dimensions, IReadOnlyList<MetricDatum> Metrics) : ReconcileEffect;

/// <summary>Claim, then send; <paramref name="IfClaimed"/> and <paramref name="ReportIfClaimed"/> only when this run took the claim.</summary>
internal sealed record Deliver(ClaimedAlert Delivery, IReadOnlyList<ReconcileEffect>? IfClaimed = null, EscalationReport? ReportIfClaimed = null) : ReconcileEffect;

/// <summary>Reports and effects of one decision; decisions compose in order with <see cref="Then"/>.</summary>
internal sealed record ReconcileDecision
{
    public static ReconcileDecision Empty { get; } = new();

    public IReadOnlyList<FollowedAction> Followed { get; init; } = [];

    public IReadOnlyList<VerificationReport> Verified { get; init; } = [];

    public IReadOnlyList<EscalationReport> Escalated { get; init; } = [];

    /// <summary>Audit reports; each incompatible group's <c>alerted</c> is set once its claim is known.</summary>
    public IReadOnlyList<ClusterAuditReport> Audit { get; init; } = [];

    public IReadOnlyList<ReconcileEffect> Effects { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ReconcileDecision Of(ReconcileEffect effect) => new() { Effects = [effect] };

    public ReconcileDecision Then(ReconcileDecision next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new ReconcileDecision
        {
            Followed = [.. Followed, .. next.Followed],
            Verified = [.. Verified, .. next.Verified],
            Escalated = [.. Escalated, .. next.Escalated],
            Audit = [.. Audit, .. next.Audit],
            Effects = [.. Effects, .. next.Effects],
            Notes = [.. Notes, .. next.Notes],
        };
    }
}
