namespace InstantOnRemediate.Core.Events;

/// <summary>One event to put on a bus: its detail-type, time, the ARNs it concerns, and the detail.</summary>
public sealed record RemediationEvent
{
    public required string DetailType { get; init; }

    public required DateTimeOffset Time { get; init; }

    public IReadOnlyList<string> Resources { get; init; } = [];

    public required RemediationEventDetail Detail { get; init; }

    public string Source => RemediationEventKinds.Source;
}
