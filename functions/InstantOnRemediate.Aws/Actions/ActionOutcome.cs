using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>What carrying out an action came to: executed (with the id to follow), skipped, or failed (retryable or not).</summary>
public sealed record ActionOutcome
{
    public required string Status { get; init; }

    public required string Reason { get; init; }

    /// <summary>EKS update id, node-group name, SSM command id, automation execution id or SNS message id.</summary>
    public string? Reference { get; init; }

    /// <summary>A transient AWS failure: the invocation may be retried (Lambda async retry).</summary>
    public bool Retryable { get; init; }

    public static ActionOutcome Executed(string reason, string? reference) => new() { Status = ActionStatuses.Executed, Reason = reason, Reference = reference };

    public static ActionOutcome Skipped(string reason) => new() { Status = ActionStatuses.Skipped, Reason = reason };

    public static ActionOutcome Failed(string reason, bool retryable = false) => new() { Status = ActionStatuses.Failed, Reason = reason, Retryable = retryable };
}
