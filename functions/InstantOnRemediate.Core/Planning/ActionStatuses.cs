namespace InstantOnRemediate.Core.Planning;

/// <summary>Where an action stands (DESIGN §4 contract values).</summary>
public static class ActionStatuses
{
    public const string Planned = "planned";
    public const string AwaitingApproval = "awaiting-approval";
    public const string Executed = "executed";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Planned, AwaitingApproval, Executed, Skipped, Failed];
}
