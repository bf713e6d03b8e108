namespace InstantOnRemediate.Aws.Ssm;

/// <summary>The per-instance outcome of a Run Command command, in the service's words (from SSM's Status / StatusDetails).</summary>
public static class CommandOutcomes
{
    public const string Pending = "pending";
    public const string InProgress = "in-progress";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string TimedOut = "timed-out";
    public const string Cancelled = "cancelled";
    public const string Undeliverable = "undeliverable";

    /// <summary>SSM's invocation Status and StatusDetails → one of the outcomes above (unknown statuses stay in-progress).</summary>
    public static string From(string? status, string? statusDetails) => (status, statusDetails) switch
    {
        (_, "Undeliverable" or "Terminated" or "InvalidPlatform" or "AccessDenied") => Undeliverable,
        (_, "DeliveryTimedOut" or "Delivery Timed Out" or "ExecutionTimedOut" or "Execution Timed Out") => TimedOut,
        ("Success", _) => Succeeded,
        ("Failed", _) => Failed,
        ("TimedOut", _) => TimedOut,
        ("Cancelled" or "Cancelling", _) => Cancelled,
        ("Pending" or "Delayed", _) => Pending,
        _ => InProgress,
    };
}
