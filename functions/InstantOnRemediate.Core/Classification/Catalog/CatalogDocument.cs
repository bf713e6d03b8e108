using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>The signature catalog file (Core/Data/signatures.json, schema beside it).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CatalogDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string Version { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<CauseDefinition> Causes { get; init => field = value ?? []; } = [];

    public IReadOnlyList<SignatureDefinition> Signatures { get; init => field = value ?? []; } = [];

    public IReadOnlyList<MarkerDefinition> Markers { get; init => field = value ?? []; } = [];

    public IReadOnlyList<BenignDefinition> Benign { get; init => field = value ?? []; } = [];

    public IReadOnlyList<KernelPatternDefinition> KernelPatterns { get; init => field = value ?? []; } = [];
}
