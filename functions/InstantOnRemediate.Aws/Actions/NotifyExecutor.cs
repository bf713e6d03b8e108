using InstantOnRemediate.Aws.Sns;
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

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return ActionOutcome.Skipped(invalid);
        }

        var response = await sns.PublishAsync(new PublishRequest
        {
            TopicArn = action.Target.Recipient!,
            Subject = NotificationFormatter.Subject(action),
            Message = NotificationFormatter.Message(action),
            MessageAttributes = new()
            {
                ["cluster"] = action.Target.Cluster ?? "",
                ["cause"] = action.Cause ?? "",
                ["remedy"] = action.Parameters.GetValueOrDefault("remedy") ?? "",
                ["actionId"] = action.Id,
            },
        }, cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Executed($"alert sent to {action.Target.Recipient}", response.MessageId);
    }

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActionOutcome.Skipped(UndoDescription));
}
