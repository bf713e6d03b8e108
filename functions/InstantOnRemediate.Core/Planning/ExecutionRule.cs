using InstantOnRemediate.Core.Actions;

namespace InstantOnRemediate.Core.Planning;

/// <summary>The one rule that says whether an action of a plan may be carried out now.</summary>
public static class ExecutionRule
{
    /// <summary>
    /// Planned actions run under enforce; notify (the alert) runs in every mode, since alerts are what observe
    /// mode is for. Awaiting-approval, skipped, executed and failed actions never run.
    /// </summary>
    public static bool ShouldExecute(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Status == ActionStatuses.Planned && (ActionKinds.Find(action.Type) is { } kind && (kind.RunsInEveryMode || action.Mode == Modes.Enforce));
    }
}
