using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>How a kernel release shows in a log line; the whole regex match is the release.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record KernelPatternDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<string> Literals { get; init => field = value ?? []; } = [];

    public string Regex { get; init => field = value ?? ""; } = "";
}
