namespace InstantOnRemediate.Core.Ingest;

/// <summary>The decoded subscription payload (one log stream per delivery). Unknown fields are ignored.</summary>
public sealed record LogsPayload
{
    public required string MessageType { get; init; }

    public string? Owner { get; init; }

    public required string LogGroup { get; init; }

    public required string LogStream { get; init; }

    public IReadOnlyList<string> SubscriptionFilters { get; init; } = [];

    /// <summary>The events that passed every check, in delivery order.</summary>
    public IReadOnlyList<LogEventRecord> LogEvents { get; init; } = [];

    public bool IsControlMessage => MessageType == MessageTypes.Control;
}
