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
}
