using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>A line that looks bad but never is a cause by itself.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BenignDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<string> Literals { get; init => field = value ?? []; } = [];

    public string? Regex { get; init; }

    /// <summary><c>restore</c>: printed only while CRIU restores (so it shows a restore attempt); <c>any</c>; <c>none</c> (e.g. criu check).</summary>
    public string Phase { get; init => field = value ?? ""; } = "";

    public string Note { get; init => field = value ?? ""; } = "";
}
