using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using InstantOnRemediate.Core.Actions.Definitions;

namespace InstantOnRemediate.Core.Actions;

/// <summary>The registry of action kinds: the only place a type string is mapped to what the action is.</summary>
public static class ActionKinds
{
    public static readonly IReadOnlyList<ActionKind> All =
    [
        new Notify(), new EksLabelNodegroup(), new EksTaintNodegroup(), new EksUpdateNodegroupVersion(),
        new EksCreateNodegroup(), new SsmRunCommand(), new NoAction(),
        new EksMigrateNodegroup(),
    ];

    private static readonly Dictionary<string, ActionKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    /// <summary>The definition of <paramref name="type"/>; an unknown type (e.g. from a damaged row) is an error.</summary>
    public static ActionKind Of(string type) =>
        ByName.TryGetValue(type, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(type), type, "unknown action type");

    public static ActionKind? Find(string? type) => type is not null && ByName.TryGetValue(type, out var kind) ? kind : null;

    /// <summary>The source-generated JSON of a kind's parameter record (registered on <see cref="ActionParametersJsonContext"/> below).</summary>
    public static JsonTypeInfo ParametersJson(Type parametersType) =>
        ActionParametersJsonContext.Default.GetTypeInfo(parametersType)
        ?? throw new InvalidOperationException($"{parametersType.Name} is not registered on ActionParametersJsonContext (Core/Actions/ActionKinds.cs)");
}

/// <summary>
/// The JSON of every kind's parameter record, one line per kind beside the registry. Its own context because
/// parameters leave absent values out (the core context writes nulls), which keeps plans readable.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotifyParameters))]
[JsonSerializable(typeof(EksLabelNodegroupParameters))]
[JsonSerializable(typeof(EksTaintNodegroupParameters))]
[JsonSerializable(typeof(EksUpdateNodegroupVersionParameters))]
[JsonSerializable(typeof(EksCreateNodegroupParameters))]
[JsonSerializable(typeof(SsmRunCommandParameters))]
[JsonSerializable(typeof(NoParameters))]
[JsonSerializable(typeof(EksMigrateNodegroupParameters))]
internal sealed partial class ActionParametersJsonContext : JsonSerializerContext;
