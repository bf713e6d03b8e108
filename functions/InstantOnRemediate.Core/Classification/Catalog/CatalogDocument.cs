using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>The signature catalog file (Core/Data/signatures.json, schema beside it).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CatalogDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string Version { get; init; } = "";

    public IReadOnlyList<CauseDefinition> Causes { get; init; } = [];

    public IReadOnlyList<SignatureDefinition> Signatures { get; init; } = [];

    public IReadOnlyList<MarkerDefinition> Markers { get; init; } = [];

    public IReadOnlyList<BenignDefinition> Benign { get; init; } = [];

    public IReadOnlyList<KernelPatternDefinition> KernelPatterns { get; init; } = [];
}
