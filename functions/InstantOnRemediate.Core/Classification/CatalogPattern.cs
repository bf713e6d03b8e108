using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Classification.Catalog;

namespace InstantOnRemediate.Core.Classification;

/// <summary>One catalog entry compiled for matching: literals (found by the automaton) and an optional confirming regex.</summary>
internal sealed class CatalogPattern(int index, PatternRole role, string id, IReadOnlyList<string> literals, Regex? regex)
{
    /// <summary>
    /// The CRIU error prefix most signature regexes start with. Such a regex is run as its message part only,
    /// anchored where a prefix of that exact shape ends (<see cref="CriuMessage"/>): the prefix is read by code,
    /// not by the regex interpreter trying every <c>Error (</c> and backtracking over the file name.
    /// </summary>
    internal const string CriuErrorPrefix = @"Error \([\w./-]+\.c:\d+\): ";

    public int Index { get; } = index;

    public PatternRole Role { get; } = role;

    public string Id { get; } = id;

    public IReadOnlyList<string> Literals { get; } = literals;

    public Regex? Regex { get; } = regex;

    /// <summary>For a regex that starts with <see cref="CriuErrorPrefix"/>: the rest, anchored (<c>^(?:…)</c>).</summary>
    public Regex? CriuMessage { get; } = regex is not null && regex.ToString().StartsWith(CriuErrorPrefix, StringComparison.Ordinal) && regex.ToString().Length > CriuErrorPrefix.Length
        ? new Regex("^(?:" + regex.ToString()[CriuErrorPrefix.Length..] + ")", regex.Options)
        : null;

    /// <summary>Word lists of which the line must also hold one each (<see cref="MarkerDefinition.AlsoContains"/>).</summary>
    public string[][] AlsoContains { get; init; } = [];

    /// <summary>The regex (if any) and the word lists (if any) hold for the line.</summary>
    public bool Confirms(ReadOnlySpan<char> line)
    {
        if (CriuMessage is { } message)
        {
            if (MatchesAfterCriuPrefix(LineMatcher.RegexInput(line), message) is not { } matched)
            {
                // A file name with non-ASCII characters: the whole regex decides (its \w is Unicode-aware).
                matched = Regex!.IsMatch(LineMatcher.RegexInput(line));
            }

            if (!matched)
            {
                return false;
            }
        }
        else if (Regex is { } regex && !regex.IsMatch(LineMatcher.RegexInput(line)))
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

    /// <summary>
    /// What <c>Error \([\w./-]+\.c:\d+\): </c> followed by the message regex matches, read by code: at each
    /// <c>Error (</c>, the longest run of file-name characters must end in <c>.c</c> and be followed by <c>:</c>,
    /// digits and <c>): </c> (no backtracking can find another split: <c>:</c> and <c>)</c> are not file-name or
    /// digit characters); the message regex then runs anchored at the message.
    /// </summary>
    /// <returns>Null when a file name holds a non-ASCII character (left to the whole regex).</returns>
    private static bool? MatchesAfterCriuPrefix(ReadOnlySpan<char> line, Regex message)
    {
        const string open = "Error (";
        var from = 0;
        while (true)
        {
            var at = line[from..].IndexOf(open, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var p = from + at + open.Length;
            from = p;
            var file = p;
            while (p < line.Length && (char.IsAsciiLetterOrDigit(line[p]) || line[p] is '_' or '.' or '/' or '-'))
            {
                p++;
            }

            if (p < line.Length && line[p] > 127)
            {
                return null;
            }

            if (p - file < 3 || !line[file..p].EndsWith(".c", StringComparison.Ordinal) || p >= line.Length || line[p] != ':')
            {
                continue;
            }

            var digits = ++p;
            while (p < line.Length && char.IsAsciiDigit(line[p]))
            {
                p++;
            }

            if (p == digits || !line[p..].StartsWith("): ", StringComparison.Ordinal))
            {
                continue;
            }

            if (message.IsMatch(line[(p + 3)..]))
            {
                return true;
            }
        }
    }
}
