using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Notifications;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>Sends an alert written by reconcile to the alert topic (SNS Publish); returns the message id.</summary>
internal sealed class AlertPublisher(IAmazonSimpleNotificationService sns, TimeProvider clock)
{
    /// <summary>One publish, a body per protocol (docs/notifications.md); the thread is the alert's group.</summary>
    [IamAction("sns:Publish", Resource = "topic")]
    public async Task<string?> PublishAsync(string topicArn, Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var (account, region) = AlertDeliveries.StackOf(topicArn);
        var response = await sns.PublishAsync(SnsAlertRequest.Build(topicArn, alert, new AlertDelivery
        {
            Account = account, Region = region, OccurredAt = clock.GetUtcNow(), ThreadId = alert.GroupKey,
        }), cancellationToken).ConfigureAwait(false);
        return response.MessageId;
    }
}
