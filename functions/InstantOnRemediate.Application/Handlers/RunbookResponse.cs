using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>
/// The runbook function's answer: what was asked, how it went (<see cref="RunbookStatuses"/>), one sentence for a
/// person, and the action's own payload (only the member of the action asked is present).
/// </summary>
internal sealed record RunbookResponse
{
    public required string Action { get; init; }

    /// <summary>ok | rejected | not-found | failed.</summary>
    public required string Status { get; init; }

    /// <summary>One sentence saying what happened or what is wrong, for the person who asked.</summary>
    public required string Summary { get; init; }

    /// <summary>The deployment's mode (observe | recommend | enforce).</summary>
    public required string Mode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunbookDiagnosis? Diagnosis { get; init; }

    /// <summary>plan: what would be done now (nothing executed, nothing recorded).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Plan? Plan { get; init; }

    /// <summary>apply / rollback: the action as it now stands.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunbookActionResult? Result { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunbookStatusReport? Report { get; init; }

    /// <summary>pause / resume: the switch after the change.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PauseState? Pause { get; init; }

    /// <summary>What was set aside or could not be done, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
