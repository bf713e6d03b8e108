using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>Sends an alert written by reconcile to the alert topic (SNS Publish); returns the message id.</summary>
internal sealed class AlertPublisher(IAmazonSimpleNotificationService sns)
{
    private const int MaxAttributes = 10;

    [IamAction("sns:Publish", Resource = "topic")]
    public async Task<string?> PublishAsync(string topicArn, Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var response = await sns.PublishAsync(new PublishRequest
        {
            TopicArn = topicArn,
            Subject = alert.Subject,
            Message = alert.Body,
            MessageAttributes = alert.Attributes.Where(a => a.Value.Length > 0).Take(MaxAttributes).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
        }, cancellationToken).ConfigureAwait(false);
        return response.MessageId;
    }
}
