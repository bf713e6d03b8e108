using System.Text.Json.Serialization;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// EventBridge PutEvents, shaped like AWSSDK.EventBridge (replaceable in one file when that package is served here).
/// Member names are the model's (events/2015-10-07), PascalCase on the wire.
/// </summary>
public interface IAmazonEventBridge
{
    Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default);
}

public sealed record PutEventsRequest
{
    /// <summary>1..10 entries (model <c>PutEventsRequestEntryList</c>).</summary>
    [JsonPropertyName("Entries")]
    public List<PutEventsRequestEntry> Entries { get; init; } = [];

    /// <summary>Global endpoint id, e.g. <c>abcde.veo</c>; null for the Regional endpoint.</summary>
    [JsonPropertyName("EndpointId")]
    public string? EndpointId { get; init; }
}

public sealed record PutEventsRequestEntry
{
    /// <summary>Event time; EventBridge stamps the receive time when absent.</summary>
    [JsonPropertyName("Time")]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("Source")]
    public required string Source { get; init; }

    /// <summary>ARNs the event concerns (rules can match on them).</summary>
    [JsonPropertyName("Resources")]
    public List<string>? Resources { get; init; }

    [JsonPropertyName("DetailType")]
    public required string DetailType { get; init; }

    /// <summary>A JSON object as text.</summary>
    [JsonPropertyName("Detail")]
    public required string Detail { get; init; }

    /// <summary>A bus name, or a bus ARN (a central bus in another account); null = the account's default bus.</summary>
    [JsonPropertyName("EventBusName")]
    public string? EventBusName { get; init; }

    [JsonPropertyName("TraceHeader")]
    public string? TraceHeader { get; init; }
}

public sealed record PutEventsResponse
{
    [JsonPropertyName("FailedEntryCount")]
    public int FailedEntryCount { get; init; }

    /// <summary>One result per request entry, in request order: an EventId, or an ErrorCode with its message.</summary>
    [JsonPropertyName("Entries")]
    public List<PutEventsResultEntry> Entries { get; init; } = [];
}

public sealed record PutEventsResultEntry
{
    [JsonPropertyName("EventId")]
    public string? EventId { get; init; }

    [JsonPropertyName("ErrorCode")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("ErrorMessage")]
    public string? ErrorMessage { get; init; }
}
