using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Where alerts go.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NotificationPolicy
{
    /// <summary>SNS topic ARN; null leaves alerts in the plan and the logs only.</summary>
    public string? TopicArn { get; init; }
}
