using System.Globalization;
using InstantOnRemediate.Core.Classification.Catalog;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// The structural layers compiled from the catalog: CRIU source file / log prefix → subsystem (layer 1), errno
/// names, numbers and texts (layer 2), and the rules origin × errno × object → cause. Runs only on failure lines
/// (CRIU <c>Error</c>/<c>Warn</c> lines, failure markers), which the literal automaton has already picked out.
/// </summary>
internal sealed class StructuralRules
{
    private readonly Dictionary<string, SubsystemDefinition> byFile = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, SubsystemDefinition Subsystem)> byPrefix = [];
    private readonly ErrnoDefinition[] errnos;
    private readonly Dictionary<int, ErrnoDefinition> byNumber = [];
    private readonly (RuleDefinition Rule, CauseCandidate Candidate)[] rules;

    public StructuralRules(CatalogDocument doc)
    {
        foreach (var s in doc.Subsystems)
        {
            foreach (var f in s.Files)
            {
                byFile[f] = s;
            }

            foreach (var p in s.Prefixes)
            {
                byPrefix.Add((p, s));
            }
        }

        byPrefix.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        errnos = [.. doc.Errnos];
        foreach (var e in errnos)
        {
            byNumber.TryAdd(e.Number, e);
        }

        rules = [.. doc.Rules.Select(r => (r, CauseCandidate.From(r)))];
        NeedsWarnings = doc.Rules.Any(r => r.IncludeWarnings);
    }

    /// <summary>True when a rule looks at CRIU <c>Warn</c> lines, so the matcher must find them.</summary>
    public bool NeedsWarnings { get; }

    /// <summary>Layer 1 + 2 facts of a CRIU line; false when the line is not shaped like one.</summary>
    public bool TryAnalyseCriu(ReadOnlySpan<char> line, out LineFacts facts)
    {
        facts = default;
        if (!CriuLine.TryParse(line, out var criu))
        {
            return false;
        }

        var message = line[Math.Min(criu.MessageStart, line.Length)..];
        var file = criu.SourceFile.AsSpan();
        var slash = file.LastIndexOf('/');
        var name = slash >= 0 ? file[(slash + 1)..].ToString() : criu.SourceFile;
        SubsystemDefinition? subsystem = byFile.GetValueOrDefault(name);
        if (subsystem is null)
        {
            foreach (var (prefix, s) in byPrefix)
            {
                if (message.StartsWith(prefix, StringComparison.Ordinal))
                {
                    subsystem = s;
                    break;
                }
            }
        }

        var origin = subsystem?.Id ?? (criu.FromRestorer ? "restorer" : LineFacts.CriuOrigin);
        var phase = subsystem?.Phase is { Length: > 0 } p ? p : Phases.Any;
        facts = new LineFacts(origin, phase, IsCriu: true, criu.Level == CriuLevel.Warn, ErrnoOf(message, numeric: true), criu.MessageStart);
        return true;
    }

    /// <summary>Layer 2 facts of a wrapper's failure line (runtime, JVM, Liberty): errno texts and names, no bare numbers.</summary>
    public LineFacts AnalyseWrapper(ReadOnlySpan<char> line, string origin) =>
        new(origin, Phases.Any, IsCriu: false, IsWarning: false, ErrnoOf(line, numeric: false), 0);

    /// <summary>Adds every rule that holds for the line.</summary>
    public void Apply(ReadOnlySpan<char> line, in LineFacts facts, List<CauseCandidate> output)
    {
        var message = line[Math.Min(facts.MessageStart, line.Length)..];
        foreach (var (rule, candidate) in rules)
        {
            if (facts.IsWarning && !rule.IncludeWarnings)
            {
                continue;
            }

            if (rule.Origins.Count > 0 && !rule.Origins.Contains(facts.Origin) && !(facts.IsCriu && rule.Origins.Contains(LineFacts.CriuOrigin)))
            {
                continue;
            }

            if (rule.Errnos.Count > 0 && (facts.Errno is null || !rule.Errnos.Contains(facts.Errno)))
            {
                continue;
            }

            if (rule.Objects.Count > 0 && !AnyWord(message, rule.Objects))
            {
                continue;
            }

            output.Add(candidate);
        }
    }

    private static bool AnyWord(ReadOnlySpan<char> text, IReadOnlyList<string> words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The errno a message reports: its strerror text (any case: Go runtimes lower-case it), its name as a word, or
    /// (CRIU lines only) a negative number in the shapes CRIU prints: <c>with -13</c>, <c>(-2)</c>, <c>errno 1</c>,
    /// <c>ret -1</c>, <c>0xfffffffffffffff3</c>.
    /// </summary>
    private string? ErrnoOf(ReadOnlySpan<char> message, bool numeric)
    {
        foreach (var e in errnos)
        {
            if (message.Contains(e.Text, StringComparison.OrdinalIgnoreCase))
            {
                return e.Name;
            }
        }

        foreach (var e in errnos)
        {
            var at = message.IndexOf(e.Name, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !char.IsAsciiLetterOrDigit(message[at - 1]))
                && (at + e.Name.Length == message.Length || !char.IsAsciiLetterOrDigit(message[at + e.Name.Length])))
            {
                return e.Name;
            }
        }

        return numeric && NumberOf(message) is { } n && byNumber.TryGetValue(n, out var byNum) ? byNum.Name : null;
    }

    private static int? NumberOf(ReadOnlySpan<char> message)
    {
        var hex = message.IndexOf("0xfffffffffffff", StringComparison.OrdinalIgnoreCase);
        if (hex >= 0)
        {
            var digits = message[(hex + 2)..];
            var end = 0;
            while (end < digits.Length && char.IsAsciiHexDigit(digits[end]))
            {
                end++;
            }

            if (end == 16 && ulong.TryParse(digits[..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                var negative = -(long)value;
                return negative is > 0 and < 4096 ? (int)negative : null;
            }
        }

        foreach (var lead in (ReadOnlySpan<string>)["with -", "(-", "errno ", "errno=", "ret -", "ret=-", "err -", "err=-"])
        {
            var at = message.IndexOf(lead, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = message[(at + lead.Length)..];
            var end = 0;
            while (end < rest.Length && char.IsAsciiDigit(rest[end]))
            {
                end++;
            }

            if (end is > 0 and <= 4 && int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }
        }

        return null;
    }
}
