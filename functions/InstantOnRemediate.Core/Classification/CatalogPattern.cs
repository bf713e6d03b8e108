using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Classification.Catalog;

namespace InstantOnRemediate.Core.Classification;

/// <summary>One catalog entry compiled for matching: literals (found by the automaton) and an optional confirming regex.</summary>
internal sealed class CatalogPattern(int index, PatternRole role, string id, IReadOnlyList<string> literals, Regex? regex)
{
    public int Index { get; } = index;

    public PatternRole Role { get; } = role;

    public string Id { get; } = id;

    public IReadOnlyList<string> Literals { get; } = literals;

    public Regex? Regex { get; } = regex;

    public CauseCandidate? Signature { get; init; }

    public MarkerDefinition? Marker { get; init; }

    public BenignDefinition? Benign { get; init; }

    public NodeFactDefinition? NodeFact { get; init; }

    public ErrnoDefinition? Errno { get; init; }
}
