namespace InstantOnRemediate.Core.Notifications;

/// <summary>
/// What an <see cref="Alerts.Alert"/> does not carry but chat and machines want: where it comes from (account,
/// Region), when, the next steps to show as a list, and the chat thread it belongs to.
/// </summary>
public sealed record AlertDelivery
{
    /// <summary>12-digit account id; null when not known (attributes and JSON then omit it).</summary>
    public string? Account { get; init; }

    public string? Region { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Chat thread: alerts with the same id are threaded together. Default: derived from the alert's group key.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Short imperative lines for chat ("Approve act-2: …"); default: drawn from the alert body (fix, approve, undo, pause).</summary>
    public IReadOnlyList<string>? NextSteps { get; init; }

    /// <summary>Short machine-readable type for chat metadata; default <see cref="DefaultEventType"/>.</summary>
    public string? EventType { get; init; }

    /// <summary>ARNs shown as related resources in chat (e.g. the cluster ARN).</summary>
    public IReadOnlyList<string> RelatedResources { get; init; } = [];

    public const string DefaultEventType = "InstantOnRestoreFailure";
}
