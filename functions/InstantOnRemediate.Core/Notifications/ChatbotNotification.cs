namespace InstantOnRemediate.Core.Notifications;

/// <summary>
/// An AWS Chatbot (Amazon Q Developer in chat applications) custom notification, as documented in its admin guide
/// ("Custom notifications", event schema): version "1.0", source "custom", content and metadata. Delivered through
/// SNS to the chat configuration's topic subscription (protocol https).
/// </summary>
public sealed record ChatbotNotification
{
    public string Version { get; init; } = "1.0";

    public string Source { get; init; } = "custom";

    public string? Id { get; init; }

    public required ChatbotContent Content { get; init; }

    public ChatbotMetadata? Metadata { get; init; }
}

public sealed record ChatbotContent
{
    /// <summary>Only <c>client-markdown</c> is supported: rendered in the chat platform's markdown.</summary>
    public string TextType { get; init; } = "client-markdown";

    public required string Title { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<string> NextSteps { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];
}

public sealed record ChatbotMetadata
{
    /// <summary>Notifications with the same thread id are grouped in one chat thread (if the channel allows it).</summary>
    public string? ThreadId { get; init; }

    public string? Summary { get; init; }

    public string? EventType { get; init; }

    public IReadOnlyList<string> RelatedResources { get; init; } = [];

    public IReadOnlyDictionary<string, string> AdditionalContext { get; init; } = new Dictionary<string, string>();
}
