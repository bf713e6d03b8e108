namespace InstantOnRemediate.Core.Events;

/// <summary>
/// What the service tells EventBridge. <see cref="Source"/> is the event's <c>source</c>; each kind has a stable
/// <c>detail-type</c> (what rules match on) and the same id in <c>detail.kind</c> (what stores and the CLI key on).
/// Stable contract: docs/notifications.md, docs/schemas/event-detail.v1.json.
/// </summary>
public static class RemediationEventKinds
{
    /// <summary>The <c>source</c> of every event (custom sources may not start with <c>aws.</c>).</summary>
    public const string Source = "instanton-remediate";

    /// <summary>Restores of one cause failing on one node group (one event per new group, not per log line).</summary>
    public const string RestoreFailureGroup = "restore-failure-group";

    /// <summary>A node group's InstantOn compatibility verdict changed (or was first established).</summary>
    public const string NodegroupVerdictChanged = "nodegroup-verdict-changed";

    public const string ActionPlanned = "action-planned";

    public const string ActionAwaitingApproval = "action-awaiting-approval";

    public const string ActionExecuted = "action-executed";

    public const string ActionFailed = "action-failed";

    public const string ActionRolledBack = "action-rolled-back";

    /// <summary>A node-group migration (e.g. AL2 → AL2023 clone, steer, drain) reached a stage.</summary>
    public const string MigrationStage = "migration-stage";

    /// <summary>Later restores on the node group succeed: the fix is verified and the episode closes.</summary>
    public const string FixVerified = "fix-verified";

    /// <summary>Someone must act: approval timed out, an action failed, failures continue after a fix.</summary>
    public const string Escalation = "escalation";

    public static readonly IReadOnlyList<string> All =
    [
        RestoreFailureGroup, NodegroupVerdictChanged, ActionPlanned, ActionAwaitingApproval, ActionExecuted,
        ActionFailed, ActionRolledBack, MigrationStage, FixVerified, Escalation,
    ];

    /// <summary>The EventBridge <c>detail-type</c> of a kind.</summary>
    public static string DetailType(string kind) => kind switch
    {
        RestoreFailureGroup => "InstantOn Restore Failure Group",
        NodegroupVerdictChanged => "InstantOn Nodegroup Verdict Changed",
        ActionPlanned => "InstantOn Action Planned",
        ActionAwaitingApproval => "InstantOn Action Awaiting Approval",
        ActionExecuted => "InstantOn Action Executed",
        ActionFailed => "InstantOn Action Failed",
        ActionRolledBack => "InstantOn Action Rolled Back",
        MigrationStage => "InstantOn Migration Stage",
        FixVerified => "InstantOn Fix Verified",
        Escalation => "InstantOn Escalation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown event kind"),
    };

    /// <summary>The kind of a <c>detail-type</c>, or null for one this version does not know.</summary>
    public static string? FromDetailType(string? detailType) => All.FirstOrDefault(k => DetailType(k) == detailType);
}
