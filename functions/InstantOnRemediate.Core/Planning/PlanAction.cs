using System.Text.Json;
using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Actions;

namespace InstantOnRemediate.Core.Planning;

/// <summary>One step of a plan: a typed action with validated parameters and a reason a person understands.</summary>
public sealed record PlanAction : IJsonOnDeserialized
{
    private ActionParameters parameters = ActionParameters.None;

    /// <summary>Deterministic id (hash of type, target and cause): the claim key and the EKS clientRequestToken seed.</summary>
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required ActionTarget Target { get; init; }

    /// <summary>
    /// The parameters of its kind: the record declared next to the kind's definition (label key and value, taint,
    /// document name, release version, ...). Never raw log text. On the wire, that record's JSON object; read back by
    /// <see cref="ActionParametersReader"/> once <see cref="Type"/> is known, old string dictionaries included.
    /// </summary>
    [JsonConverter(typeof(ActionParametersJsonConverter))]
    public ActionParameters Parameters { get => parameters; init => parameters = value ?? ActionParameters.None; }

    public required string Status { get; init; }

    public required string Reason { get; init; }

    /// <summary>The cause this action answers, and the findings behind it.</summary>
    public string? Cause { get; init; }

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public bool Disruptive { get; init; }

    /// <summary>How to undo it, in words (and the runbook rollback knows how in code).</summary>
    public string? Undo { get; init; }

    /// <summary>
    /// The mode this action falls under (observe | recommend | enforce): a planned action runs only under
    /// enforce, except notify, which is the alert every mode sends (see ExecutionRule).
    /// </summary>
    public string? Mode { get; init; }

    /// <summary>Set after execution: e.g. the EKS update id or SSM command id to follow.</summary>
    public string? Reference { get; init; }

    /// <summary>The typed parameters of <see cref="Type"/>, once the whole action is read.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (parameters is UnreadParameters unread)
        {
            parameters = ActionParametersReader.Read(Type, unread.Json);
        }
    }
}
