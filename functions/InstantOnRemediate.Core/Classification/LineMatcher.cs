using System.Buffers;
using System.Collections.Frozen;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Finds the catalog patterns a line matches. A line that contains none of the catalog's literals is rejected by
/// one vectorised <see cref="SearchValues{T}"/> scan without allocating; only candidates run their regex.
/// </summary>
internal sealed class LineMatcher
{
    private readonly SearchValues<string> prefilter;
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

        prefilter = SearchValues.Create([.. literalPatterns.Keys], StringComparison.Ordinal);
        byFirstChar = literalPatterns
            .GroupBy(kv => kv.Key[0])
            .ToFrozenDictionary(g => g.Key, g => g.Select(kv => new LiteralRef(kv.Key, [.. kv.Value])).ToArray());
    }

    public IReadOnlyList<CatalogPattern> Patterns => patterns;

    /// <summary>True when the line contains at least one catalog literal (no regex run, no allocation).</summary>
    public bool IsCandidate(ReadOnlySpan<char> line) => line.IndexOfAny(prefilter) >= 0;

    /// <summary>Adds to <paramref name="hits"/> every pattern whose literal and regex match the line.</summary>
    public bool Match(ReadOnlySpan<char> line, List<CatalogPattern> hits)
    {
        var pos = line.IndexOfAny(prefilter);
        if (pos < 0)
        {
            return false;
        }

        Span<bool> candidate = patterns.Length <= 512 ? stackalloc bool[patterns.Length] : new bool[patterns.Length];
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
