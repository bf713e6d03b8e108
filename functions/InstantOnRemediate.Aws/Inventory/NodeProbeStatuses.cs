namespace InstantOnRemediate.Aws.Inventory;

/// <summary>How a node probe ended.</summary>
internal static class NodeProbeStatuses
{
    /// <summary>The diagnostics document ran and its JSON was read.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The command ran but printed no readable diagnostics (see the detail).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>SSM refused the command, or it failed or was cancelled on the node.</summary>
    public const string Failed = "failed";

    public const string TimedOut = "timed-out";

    public const string Undeliverable = "undeliverable";

    /// <summary>The stack passed no diagnostics document name, so nothing was sent.</summary>
    public const string NotConfigured = "not-configured";
}
