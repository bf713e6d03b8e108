using System.Buffers;
using System.Collections.Frozen;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Finds the catalog patterns a line matches. A line that contains none of the catalog's literals is rejected by
/// a few vectorised <see cref="SearchValues{T}"/> scans without allocating; only candidates run their regex.
/// </summary>
/// <remarks>
/// The literals are split, in ordinal order, into groups of at most <see cref="PrefilterGroupSize"/>: a
/// <see cref="SearchValues{T}"/> of that many strings runs the vectorised Teddy search, while one over the whole
/// catalog (about a hundred literals) falls back to Aho-Corasick, which measured several times slower per character
/// than the handful of Teddy scans together. Sorting keeps literals with a common start in one group, so each
/// group's fingerprints stay selective.
/// </remarks>
internal sealed class LineMatcher
{
    internal const int PrefilterGroupSize = 18;

    private static readonly SearchValues<char> JsonEscaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private readonly SearchValues<string>[] prefilters;
    private readonly FrozenDictionary<char, LiteralRef[]> byFirstChar;
    private readonly CatalogPattern[] patterns;

    public LineMatcher(IReadOnlyList<CatalogPattern> patterns)
    {
        this.patterns = [.. patterns];
        var literalPatterns = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            foreach (var literal in p.Literals)
            {
                if (!literalPatterns.TryGetValue(literal, out var list))
                {
                    literalPatterns[literal] = list = [];
                }

                list.Add(p.Index);
            }
        }

        LiteralsSurviveJsonEscaping = literalPatterns.Keys.All(l => l.AsSpan().IndexOfAny(JsonEscaped) < 0);
        prefilters = [.. literalPatterns.Keys.Order(StringComparer.Ordinal).Chunk(PrefilterGroupSize)
            .Select(group => SearchValues.Create(group, StringComparison.Ordinal))];
        byFirstChar = literalPatterns
            .GroupBy(kv => kv.Key[0])
            .ToFrozenDictionary(g => g.Key, g => g.Select(kv => new LiteralRef(kv.Key, [.. kv.Value])).ToArray());
    }

    public IReadOnlyList<CatalogPattern> Patterns => patterns;

    /// <summary>
    /// True when no literal holds a character that JSON must escape (quote, backslash, control characters): then a
    /// literal inside a JSON string without <c>\u</c> or <c>\/</c> escapes appears verbatim in the encoded text.
    /// </summary>
    public bool LiteralsSurviveJsonEscaping { get; }

    /// <summary>
    /// True when a JSON-encoded line cannot hold any catalog literal once decoded, so parsing it can be skipped: no
    /// literal in the raw text, no <c>\u</c> or <c>\/</c> escape that could spell one.
    /// </summary>
    /// <remarks>The escapes are looked for first: one search each, where the literals take a scan per prefilter group.</remarks>
    public bool CannotHoldLiteralWhenDecoded(ReadOnlySpan<char> json) =>
        LiteralsSurviveJsonEscaping && json.IndexOf("\\u", StringComparison.Ordinal) < 0 && json.IndexOf("\\/", StringComparison.Ordinal) < 0 && !IsCandidate(json);

    /// <summary>True when the line contains at least one catalog literal (no regex run, no allocation).</summary>
    public bool IsCandidate(ReadOnlySpan<char> line)
    {
        foreach (var prefilter in prefilters)
        {
            if (line.IndexOfAny(prefilter) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds to <paramref name="hits"/> every pattern whose literal and regex match the line.</summary>
    public bool Match(ReadOnlySpan<char> line, List<CatalogPattern> hits)
    {
        // Find the first group with a hit before setting up: most lines have none.
        var first = 0;
        var pos = -1;
        for (; first < prefilters.Length && pos < 0; first++)
        {
            pos = line.IndexOfAny(prefilters[first]);
        }

        if (pos < 0)
        {
            return false;
        }

        Span<bool> candidate = patterns.Length <= 512 ? stackalloc bool[patterns.Length] : new bool[patterns.Length];
        for (var g = first - 1; g < prefilters.Length; g++)
        {
            var prefilter = prefilters[g];
            pos = g == first - 1 ? pos : line.IndexOfAny(prefilter);
            while (pos >= 0)
            {
                var rest = line[pos..];
                if (byFirstChar.TryGetValue(rest[0], out var refs))
                {
                    foreach (var r in refs)
                    {
                        if (rest.StartsWith(r.Literal, StringComparison.Ordinal))
                        {
                            foreach (var p in r.Patterns)
                            {
                                candidate[p] = true;
                            }
                        }
                    }
                }

                var next = line[(pos + 1)..].IndexOfAny(prefilter);
                pos = next < 0 ? -1 : pos + 1 + next;
            }
        }

        var before = hits.Count;
        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] && (patterns[i].Regex is not { } regex || regex.IsMatch(RegexInput(line))))
            {
                hits.Add(patterns[i]);
            }
        }

        return hits.Count > before;
    }

    /// <summary>The part of a line a regex looks at: CRIU, Liberty and JVM messages are short; this bounds backtracking.</summary>
    internal static ReadOnlySpan<char> RegexInput(ReadOnlySpan<char> line) =>
        line.Length <= SignatureCatalog.MaxRegexInputChars ? line : line[..SignatureCatalog.MaxRegexInputChars];

    private sealed record LiteralRef(string Literal, int[] Patterns);
}
