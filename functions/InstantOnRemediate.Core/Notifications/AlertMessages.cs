namespace InstantOnRemediate.Core.Notifications;

/// <summary>
/// One alert rendered for each SNS protocol: <see cref="Default"/> (also email, SMS fallbacks), <see cref="Email"/>,
/// <see cref="Https"/> (a Chatbot custom notification, JSON text), <see cref="Machine"/> (sqs and lambda, alert.v1
/// JSON text), the subject and the message attributes.
/// </summary>
public sealed record AlertMessages
{
    public required string Subject { get; init; }

    public required string Default { get; init; }

    public required string Email { get; init; }

    public required string Https { get; init; }

    public required string Machine { get; init; }

    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>True when the human text was shortened to fit.</summary>
    public bool Truncated { get; init; }
}
