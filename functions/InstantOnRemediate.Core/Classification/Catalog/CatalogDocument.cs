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

    /// <summary>Layer 1: CRIU subsystems by source file and log prefix.</summary>
    public IReadOnlyList<SubsystemDefinition> Subsystems { get; init => field = value ?? []; } = [];

    /// <summary>Layer 2: errno names, numbers and texts.</summary>
    public IReadOnlyList<ErrnoDefinition> Errnos { get; init => field = value ?? []; } = [];

    /// <summary>Layers 1 + 2: origin × errno × object → cause.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init => field = value ?? []; } = [];

    /// <summary>Probe lines that describe the node even without a failure.</summary>
    public IReadOnlyList<NodeFactDefinition> NodeFacts { get; init => field = value ?? []; } = [];
}
