namespace InstantOnRemediate.Core.Notifications;

/// <summary>
/// The alert for machines (SNS protocols sqs and lambda), schema version 1 (docs/schemas/alert.v1.json): the
/// facts as typed fields, every string attribute, the next steps, and the full human text.
/// </summary>
public sealed record AlertDocument
{
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string GroupKey { get; init; }

    public required string Subject { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public string? Cluster { get; init; }

    public string? Nodegroup { get; init; }

    public string? Cause { get; init; }

    public string? Remedy { get; init; }

    public string? Verdict { get; init; }

    public string? Severity { get; init; }

    public string? PlanId { get; init; }

    public string? Mode { get; init; }

    public int? Pods { get; init; }

    public required string ThreadId { get; init; }

    public IReadOnlyList<string> NextSteps { get; init; } = [];

    /// <summary>Every message attribute of the alert (string → string), account and Region included.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The human text (the <c>default</c>/<c>email</c> body), possibly shortened to fit SNS's 256 KB.</summary>
    public required string Text { get; init; }

    public bool TextTruncated { get; init; }
}
