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

    /// <summary>Word lists of which the line must also hold one each (<see cref="MarkerDefinition.AlsoContains"/>).</summary>
    public string[][] AlsoContains { get; init; } = [];

    /// <summary>The regex (if any) and the word lists (if any) hold for the line.</summary>
    public bool Confirms(ReadOnlySpan<char> line)
    {
        if (Regex is { } regex && !regex.IsMatch(LineMatcher.RegexInput(line)))
        {
            return false;
        }

        foreach (var words in AlsoContains)
        {
            var any = false;
            foreach (var w in words)
            {
                if (line.Contains(w, StringComparison.Ordinal))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    public CauseCandidate? Signature { get; init; }

    public MarkerDefinition? Marker { get; init; }

    public BenignDefinition? Benign { get; init; }

    public NodeFactDefinition? NodeFact { get; init; }

    public ErrnoDefinition? Errno { get; init; }
}
