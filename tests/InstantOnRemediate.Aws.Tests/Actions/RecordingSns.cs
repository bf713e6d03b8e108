using InstantOnRemediate.Aws.Sns;

namespace InstantOnRemediate.Aws.Tests.Actions;

/// <summary>Request-level SNS double (the hand-written SNS client is built elsewhere).</summary>
internal sealed class RecordingSns : IAmazonSimpleNotificationService
{
    public List<PublishRequest> Published { get; } = [];

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        Published.Add(request);
        return Task.FromResult(new PublishResponse { MessageId = "msg-" + Published.Count });
    }
}
