using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Notifications;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>notify: SNS Publish of the alert to the policy's topic. Nothing to undo.</summary>
[IamAction("sns:Publish", Resource = "topic")]
public sealed class NotifyExecutor(IAmazonSimpleNotificationService sns) : IActionExecutor
{
    public string ActionType => ActionTypes.Notify;

    public string UndoDescription => "nothing to undo (an alert)";

    public bool IsDisruptive(PlanAction action) => false;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return !IdentifierRules.IsSnsTopicArn(action.Target.Recipient) ? "recipient is not an SNS topic ARN" : null;
    }

    public Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default) =>
        PublishAsync(action, null, cancellationToken);

    /// <summary>Publishes the alert written for this action (or, without one, a summary of the action itself).</summary>
    public async Task<ActionOutcome> PublishAsync(PlanAction action, Alert? alert, CancellationToken cancellationToken = default, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        if (alert is not null && at is { } occurred)
        {
            // One publish, a body per protocol (people, AWS Chatbot, queues and functions): docs/notifications.md.
            var (account, region) = AlertDeliveries.StackOf(action.Target.Recipient);
            var sent = await sns.PublishAsync(SnsAlertRequest.Build(action.Target.Recipient!, alert, new AlertDelivery
            {
                Account = account, Region = region, OccurredAt = occurred, ThreadId = alert.GroupKey,
            }), cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"alert sent to {action.Target.Recipient}", sent.MessageId);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster"] = action.Target.Cluster ?? "",
            ["cause"] = action.Cause ?? "",
            ["remedy"] = (action.Parameters as NotifyParameters)?.Remedy ?? "",
            ["actionId"] = action.Id,
        };
        foreach (var (key, value) in alert?.Attributes ?? new Dictionary<string, string>())
        {
            if (attributes.Count < 10)
            {
                attributes.TryAdd(key, value);
            }
        }

        var response = await sns.PublishAsync(new PublishRequest
        {
            TopicArn = action.Target.Recipient!,
            Subject = alert?.Subject ?? NotificationFormatter.Subject(action),
            Message = alert?.Body ?? NotificationFormatter.Message(action),
            MessageAttributes = attributes,
        }, cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Executed($"alert sent to {action.Target.Recipient}", response.MessageId);
    }

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActionOutcome.Skipped(UndoDescription));
}
