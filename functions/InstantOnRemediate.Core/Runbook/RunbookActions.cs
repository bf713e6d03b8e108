namespace InstantOnRemediate.Core.Runbook;

/// <summary>What the on-call can ask the runbook function to do.</summary>
public static class RunbookActions
{
    public const string Diagnose = "diagnose";
    public const string Plan = "plan";
    public const string Apply = "apply";
    public const string Status = "status";
    public const string Rollback = "rollback";
    public const string Pause = "pause";
    public const string Resume = "resume";

    public static readonly IReadOnlyList<string> All = [Diagnose, Plan, Apply, Status, Rollback, Pause, Resume];
}
