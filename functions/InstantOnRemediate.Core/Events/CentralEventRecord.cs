using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Events;

/// <summary>
/// An event as EventBridge delivers it to a target (SQS, an archive replay, the central table): the envelope fields
/// the fold uses and the detail. <see cref="Account"/> and <see cref="Region"/> are set by EventBridge from the
/// sender, so on a central bus they are trusted over the detail's self-declared ones.
/// </summary>
public sealed record CentralEventRecord
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; init; }

    [JsonPropertyName("account")]
    public string? Account { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("detail")]
    public RemediationEventDetail? Detail { get; init; }
}
