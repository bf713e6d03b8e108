using InstantOnRemediate.Core.Alerts;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>The reconcile function's report for one scheduled run.</summary>
internal sealed record ReconcileResponse
{
    public required string Mode { get; init; }

    /// <summary>The schedule event's id and time, when it carried them.</summary>
    public string? EventId { get; init; }

    public DateTimeOffset? ScheduledTime { get; init; }

    /// <summary>The decision instant of this run.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>Clusters looked after this run.</summary>
    public IReadOnlyList<string> Clusters { get; init; } = [];

    /// <summary>In-flight node-group updates, new node groups and SSM commands followed this run, with their status.</summary>
    public IReadOnlyList<FollowedAction> Followed { get; init; } = [];

    /// <summary>Executed remediations judged from later restore outcomes (verified, waiting, escalated...).</summary>
    public IReadOnlyList<VerificationReport> Verified { get; init; } = [];

    /// <summary>What was escalated to people this run (failed actions, fixes that did not work or show no outcome, overdue approvals).</summary>
    public IReadOnlyList<EscalationReport> Escalated { get; init; } = [];

    /// <summary>InstantOn compatibility of every node group, per cluster.</summary>
    public IReadOnlyList<ClusterAuditReport> Audit { get; init; } = [];

    /// <summary>Alerts written this run (sent to the topic when running against AWS).</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>Node-group migrations of the clusters and the step each took this run.</summary>
    public IReadOnlyList<MigrationReport> Migrations { get; init; } = [];

    public int AlertsSent { get; init; }

    /// <summary>What could not be done this run and why (e.g. an AWS call failed: retried next run).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
