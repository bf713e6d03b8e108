using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// Carries out one action type. Every executor declares its name, checks its parameters again (a plan can come
/// from a file), declares its IAM actions with [IamAction] on the class, says whether it is disruptive, and
/// knows how it is undone.
/// </summary>
public interface IActionExecutor
{
    /// <summary>The action type it carries out (ActionTypes.*).</summary>
    string ActionType { get; }

    /// <summary>How the action is undone, in words.</summary>
    string UndoDescription { get; }

    bool IsDisruptive(PlanAction action);

    /// <summary>Null when every parameter and identifier is valid; otherwise why not.</summary>
    string? Validate(PlanAction action);

    Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default);

    Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default);
}
