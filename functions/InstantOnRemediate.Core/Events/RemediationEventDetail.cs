namespace InstantOnRemediate.Core.Events;

/// <summary>
/// The <c>detail</c> of every event, version <see cref="CurrentSchemaVersion"/> (docs/schemas/event-detail.v1.json):
/// one flat shape for all kinds, the fields a kind does not use left null. Consumers ignore fields they do not know;
/// a change that removes or retypes a field is a new schema version.
/// </summary>
public sealed record RemediationEventDetail
{
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>One of <see cref="RemediationEventKinds.All"/>; mirrors the detail-type.</summary>
    public required string Kind { get; init; }

    /// <summary>Stable id of this fact (same inputs → same id): EventBridge delivers at least once, stores dedupe on it.</summary>
    public required string EventId { get; init; }

    /// <summary>When it happened (ISO-8601 UTC), which may be earlier than the event's delivery time.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required string Account { get; init; }

    public required string Region { get; init; }

    public required string Cluster { get; init; }

    public string? Nodegroup { get; init; }

    /// <summary>Cause id from the catalog vocabulary (DESIGN §4), e.g. rseq-ptrace-unsupported.</summary>
    public string? Cause { get; init; }

    /// <summary>node-kernel | node-config | pod-spec | image | hardware | transient | unknown | none.</summary>
    public string? Remedy { get; init; }

    /// <summary>info | low | medium | high | critical.</summary>
    public required string Severity { get; init; }

    /// <summary>One sentence for people (chat, pager), without secrets or raw log text.</summary>
    public required string Summary { get; init; }

    /// <summary>The node group's compatibility verdict (and its source) when the event concerns one.</summary>
    public EventVerdict? Verdict { get; init; }

    /// <summary>The verdict before the change (nodegroup-verdict-changed only; null when first established).</summary>
    public EventVerdict? PreviousVerdict { get; init; }

    /// <summary>Failed restores in the group's window, and distinct pods (restore-failure-group).</summary>
    public int? Failures { get; init; }

    public int? Pods { get; init; }

    public string? PlanId { get; init; }

    public string? ActionId { get; init; }

    /// <summary>Plan action type (notify, eks-label-nodegroup, …).</summary>
    public string? ActionType { get; init; }

    /// <summary>observe | recommend | enforce.</summary>
    public string? Mode { get; init; }

    public string? MigrationId { get; init; }

    /// <summary>The migration stage reached (free text id, e.g. nodegroup-created, workloads-steered, old-drained).</summary>
    public string? Stage { get; init; }

    /// <summary>Why, in words a person understands (action status reason, escalation reason, verification basis).</summary>
    public string? Reason { get; init; }
}
