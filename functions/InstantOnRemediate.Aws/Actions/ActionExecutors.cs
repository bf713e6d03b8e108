using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// The executors by action type, and the one place that decides whether a plan action runs
/// (<see cref="ExecutionRule"/>: planned, and enforce mode unless it is an alert). The caller claims the action
/// in the state store first.
/// </summary>
public sealed class ActionExecutors
{
    private readonly Dictionary<string, IActionExecutor> byType;

    public ActionExecutors(IEnumerable<IActionExecutor> executors)
    {
        byType = executors.ToDictionary(e => e.ActionType, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<IActionExecutor> All => byType.Values;

    public IActionExecutor? For(string actionType) => byType.GetValueOrDefault(actionType);

    public async Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!ExecutionRule.ShouldExecute(action))
        {
            return ActionOutcome.Skipped($"not executable: status {action.Status}, mode {action.Mode ?? "?"}");
        }

        if (For(action.Type) is not { } executor)
        {
            return ActionOutcome.Skipped($"no executor for action type {action.Type}");
        }

        if (executor.IsDisruptive(action) && !action.Disruptive)
        {
            return ActionOutcome.Skipped("the executor considers this action disruptive but the plan did not: it must go through approval");
        }

        return await executor.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
    }

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return For(action.Type) is { } executor
            ? executor.UndoAsync(action, options, cancellationToken)
            : Task.FromResult(ActionOutcome.Skipped($"no executor for action type {action.Type}"));
    }
}
