namespace InstantOnRemediate.Aws.Sns;

/// <summary>SNS Publish, shaped like AWSSDK.SimpleNotificationService (replaceable in one file).</summary>
public interface IAmazonSimpleNotificationService
{
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
}

public sealed record PublishRequest
{
    public required string TopicArn { get; init; }
    public required string Message { get; init; }

    /// <summary>
    /// <c>json</c>: <see cref="Message"/> is a JSON object of one string per protocol (<c>default</c> required;
    /// <c>email</c>, <c>https</c>, <c>sqs</c>, <c>lambda</c>, …), each subscriber gets its protocol's string.
    /// Null: every subscriber gets <see cref="Message"/>.
    /// </summary>
    public string? MessageStructure { get; init; }

    /// <summary>At most 100 printable ASCII characters, no line breaks (SNS rule for email subjects).</summary>
    public string? Subject { get; init; }

    /// <summary>String attributes (DataType String) for subscribers' filter policies and machines.</summary>
    public Dictionary<string, string> MessageAttributes { get; init; } = [];
}

public sealed record PublishResponse
{
    public string? MessageId { get; init; }
}
