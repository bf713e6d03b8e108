using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Application.Handlers;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>What a step of a reconcile run found and did (reports, alerts written, alerts sent, notes); steps join in order with <see cref="Then"/>.</summary>
internal sealed record ReconcileOutcome
{
    public static ReconcileOutcome Empty { get; } = new();

    public IReadOnlyList<FollowedAction> Followed { get; init; } = [];

    public IReadOnlyList<VerificationReport> Verified { get; init; } = [];

    public IReadOnlyList<EscalationReport> Escalated { get; init; } = [];

    public IReadOnlyList<ClusterAuditReport> Audit { get; init; } = [];

    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    public IReadOnlyList<MigrationReport> Migrations { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public int Sent { get; init; }

    public static ReconcileOutcome FromNotes(params IReadOnlyList<string> notes) => new() { Notes = notes };

    public static ReconcileOutcome Of(MigrationReport migration) => new() { Migrations = [migration] };

    /// <summary>The reports of a decision, before its effects are carried out.</summary>
    public static ReconcileOutcome From(ReconcileDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new() { Followed = decision.Followed, Verified = decision.Verified, Escalated = decision.Escalated, Audit = decision.Audit, Notes = decision.Notes };
    }

    public ReconcileOutcome Then(ReconcileOutcome next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return ReferenceEquals(next, Empty) ? this : ReferenceEquals(this, Empty) ? next : new ReconcileOutcome
        {
            Followed = [.. Followed, .. next.Followed],
            Verified = [.. Verified, .. next.Verified],
            Escalated = [.. Escalated, .. next.Escalated],
            Audit = [.. Audit, .. next.Audit],
            Alerts = [.. Alerts, .. next.Alerts],
            Migrations = [.. Migrations, .. next.Migrations],
            Notes = [.. Notes, .. next.Notes],
            Sent = Sent + next.Sent,
        };
    }
}
