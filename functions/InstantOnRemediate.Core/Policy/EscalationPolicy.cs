using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Timeouts after which waiting turns into an alert.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record EscalationPolicy
{
    /// <summary>An action awaiting approval longer than this is escalated with a reminder.</summary>
    public int ApprovalTimeoutMinutes { get; set; } = 240;

    /// <summary>Transient causes get this long to clear on retry before anyone is told.</summary>
    public int TransientRetryMinutes { get; set; } = 15;
}
