using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>A cause: its remedy class and the words an on-call engineer reads.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CauseDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public string Remedy { get; init => field = value ?? ""; } = "";

    public string Explanation { get; init => field = value ?? ""; } = "";

    public string Fix { get; init => field = value ?? ""; } = "";
}
