using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>A cause: its remedy class and the words an on-call engineer reads.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CauseDefinition
{
    public string Id { get; init; } = "";

    public string Remedy { get; init; } = "";

    public string Explanation { get; init; } = "";

    public string Fix { get; init; } = "";
}
