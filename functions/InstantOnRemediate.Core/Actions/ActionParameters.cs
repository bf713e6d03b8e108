using System.Text.Json;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions;

/// <summary>
/// The parameters of one kind of action, typed: each kind declares its record next to its definition
/// (<see cref="ActionKind{TParameters}"/>), with lists as lists and numbers as numbers. On the wire it is the
/// record's own JSON object (camelCase, absent values left out); <see cref="ActionParametersReader"/> reads it back
/// once the action's type is known, and also reads the string dictionary plans were written in before.
/// </summary>
public abstract record ActionParameters
{
    /// <summary>No parameters (the <c>none</c> entry, an action built without any).</summary>
    public static ActionParameters None { get; } = new NoParameters();

    /// <summary>Null when <paramref name="target"/> and these parameters are valid for the kind; otherwise why not (a plan can come from a file).</summary>
    public abstract string? Validate(ActionTarget target);
}

/// <summary>No parameters: the <c>none</c> entry of a plan.</summary>
public sealed record NoParameters : ActionParameters
{
    public override string? Validate(ActionTarget target) => "an action without parameters is not an action";
}

/// <summary>
/// Parameters that could not be read as the record of the action's kind (a damaged row, a kind this build does not
/// know): kept as they were so they are written back unchanged, and <see cref="Validate"/> says why they are unusable.
/// </summary>
public sealed record UnreadParameters(JsonElement Json, string Problem) : ActionParameters
{
    public override string? Validate(ActionTarget target) => Problem;
}
