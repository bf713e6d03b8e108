using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Sns;

/// <summary>
/// SNS Publish over the Query protocol (model sns/2010-03-31): a form-encoded POST, XML response
/// <c>PublishResponse/PublishResult/MessageId</c>. Failures surface as <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class SnsClient : IAmazonSimpleNotificationService
{
    private readonly AwsServiceChannel channel;

    public SnsClient(AwsServiceChannel channel)
    {
        this.channel = channel;
    }

    [IamAction("sns:Publish", Resource = "topic")]
    public async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        var body = SnsPublishForm.Encode(request);
        var response = await channel.SendAsync(
            new AwsHttpRequest(HttpMethod.Post, "/") { Operation = "Publish", Body = body, ContentType = SnsPublishForm.ContentType },
            cancellationToken).ConfigureAwait(false);
        var messageId = QueryXml.Text(QueryXml.Parse(response.Body), "PublishResult", "MessageId");
        if (string.IsNullOrWhiteSpace(messageId))
        {
            throw new AwsServiceException("SNS Publish answered without PublishResponse/PublishResult/MessageId");
        }

        return new PublishResponse { MessageId = messageId.Trim() };
    }
}
