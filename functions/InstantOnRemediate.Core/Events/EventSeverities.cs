namespace InstantOnRemediate.Core.Events;

/// <summary>How urgently a person should look; PagerDuty's severities minus its spelling (docs/notifications.md).</summary>
public static class EventSeverities
{
    public const string Info = "info";
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Info, Low, Medium, High, Critical];
}
