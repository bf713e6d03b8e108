using System.Buffers;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Finds the catalog patterns a line matches in one pass: every literal of every layer (signatures, markers,
/// benign lines, node facts, kernel releases, the CRIU line prefixes the structural rules need) sits in one
/// <see cref="LiteralAutomaton"/>; only patterns whose literal occurred run their (anchored, bounded) regex.
/// A line without any literal costs one table step per character and no allocation.
/// </summary>
internal sealed class LineMatcher
{
    /// <summary>Patterns per line held on the stack; catalogs are far smaller.</summary>
    internal const int MaxStackWords = 16;

    /// <summary>Distinct patterns one line can be a candidate for (a line holding more keeps the first, in literal order).</summary>
    internal const int MaxCandidatesPerLine = 64;

    private static readonly SearchValues<char> JsonEscaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private readonly CatalogPattern[] patterns;
    private readonly int[][] literalPatterns;

    public LineMatcher(IReadOnlyList<CatalogPattern> patterns)
    {
        this.patterns = [.. patterns];
        var ids = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            foreach (var literal in p.Literals)
            {
                if (!ids.TryGetValue(literal, out var list))
                {
                    ids[literal] = list = [];
                }

                if (!list.Contains(p.Index))
                {
                    list.Add(p.Index);
                }
            }
        }

        Literals = [.. ids.Keys.Order(StringComparer.Ordinal)];
        literalPatterns = [.. Literals.Select(l => ids[l].ToArray())];
        Automaton = new LiteralAutomaton(Literals);
        LiteralsSurviveJsonEscaping = Literals.All(l => l.AsSpan().IndexOfAny(JsonEscaped) < 0);
    }

    public IReadOnlyList<CatalogPattern> Patterns => patterns;

    /// <summary>The distinct literals of the whole catalog, ordinal order (what <c>grep -F -f</c> is given in the benchmark).</summary>
    public IReadOnlyList<string> Literals { get; }

    internal LiteralAutomaton Automaton { get; }

    /// <summary>
    /// True when no literal holds a character that JSON must escape (quote, backslash, control characters): then a
    /// literal inside a JSON string without <c>\u</c> or <c>\/</c> escapes appears verbatim in the encoded text.
    /// </summary>
    public bool LiteralsSurviveJsonEscaping { get; }

    /// <summary>
    /// True when a JSON-encoded line cannot hold any catalog literal once decoded, so parsing it can be skipped: no
    /// literal in the raw text, no <c>\u</c> or <c>\/</c> escape that could spell one.
    /// </summary>
    public bool CannotHoldLiteralWhenDecoded(ReadOnlySpan<char> json) =>
        LiteralsSurviveJsonEscaping && json.IndexOf("\\u", StringComparison.Ordinal) < 0 && json.IndexOf("\\/", StringComparison.Ordinal) < 0 && !IsCandidate(json);

    /// <summary>True when the line contains at least one catalog literal (no regex run, no allocation).</summary>
    public bool IsCandidate(ReadOnlySpan<char> line) => Automaton.Contains(line);

    /// <summary>Adds to <paramref name="hits"/> every pattern whose literal and regex match the line.</summary>
    public bool Match(ReadOnlySpan<char> line, List<CatalogPattern> hits)
    {
        var words = Automaton.BitsetWords;
        Span<ulong> seen = words <= MaxStackWords ? stackalloc ulong[words] : new ulong[words];
        seen.Clear();
        var state = 0;
        return Automaton.Scan(line, ref state, seen) && Confirm(line, seen, hits);
    }

    /// <summary>Adds the patterns of the literals in <paramref name="seen"/> whose regex (if any) matches <paramref name="line"/>.</summary>
    public bool Confirm(ReadOnlySpan<char> line, ReadOnlySpan<ulong> seen, List<CatalogPattern> hits)
    {
        // The patterns of the literals seen, in catalog order, each once.
        Span<int> found = stackalloc int[MaxCandidatesPerLine];
        var count = 0;
        for (var w = 0; w < seen.Length; w++)
        {
            var bits = seen[w];
            while (bits != 0)
            {
                var id = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                foreach (var p in literalPatterns[id])
                {
                    if (count < found.Length && !found[..count].Contains(p))
                    {
                        found[count++] = p;
                    }
                }
            }
        }

        found = found[..count];
        found.Sort();
        var before = hits.Count;
        foreach (var i in found)
        {
            // A kernel-release shape is confirmed where it is read (RestoreEpisode, only while an episode has no
            // kernel yet): its regex has no literal prefix and is the dearest to run on every line with "x86_64".
            if (patterns[i].Role == PatternRole.Kernel || patterns[i].Confirms(line))
            {
                hits.Add(patterns[i]);
            }
        }

        return hits.Count > before;
    }

    /// <summary>The part of a line a regex looks at: CRIU, Liberty and JVM messages are short; this bounds backtracking.</summary>
    internal static ReadOnlySpan<char> RegexInput(ReadOnlySpan<char> line) =>
        line.Length <= SignatureCatalog.MaxRegexInputChars ? line : line[..SignatureCatalog.MaxRegexInputChars];
}
