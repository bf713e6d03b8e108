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
    private readonly Dictionary<string, SubsystemDefinition>.AlternateLookup<ReadOnlySpan<char>> byFile;
    private readonly List<(string Prefix, SubsystemDefinition Subsystem)> byPrefix = [];
    private readonly ErrnoDefinition[] errnos;
    private readonly Dictionary<int, ErrnoDefinition> byNumber = [];
    private readonly Dictionary<string, CompiledRule[]> rulesByOrigin;
    private readonly CompiledRule[] anyOriginRules;

    public StructuralRules(CatalogDocument doc)
    {
        var files = new Dictionary<string, SubsystemDefinition>(StringComparer.Ordinal);
        byFile = files.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var s in doc.Subsystems)
        {
            foreach (var f in s.Files)
            {
                files[f] = s;
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

        var rules = doc.Rules.Select(r => new CompiledRule(r.Origins, [.. r.Errnos], [.. r.Objects], r.IncludeWarnings, CauseCandidate.From(r))).ToList();
        anyOriginRules = [.. rules.Where(r => r.Origins.Count == 0)];
        rulesByOrigin = rules
            .SelectMany(r => r.Origins.Select(o => (Origin: o, Entry: r)))
            .GroupBy(x => x.Origin, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Entry).ToArray(), StringComparer.Ordinal);
        NeedsWarnings = doc.Rules.Any(r => r.IncludeWarnings);
    }

    /// <summary>True when a rule looks at CRIU <c>Warn</c> lines, so the matcher must find them.</summary>
    public bool NeedsWarnings { get; }

    /// <summary>Layer 1 facts of a CRIU line (the errno is read later, only when a rule asks); false when the line is not shaped like one.</summary>
    public bool TryAnalyseCriu(ReadOnlySpan<char> line, string? errno, out LineFacts facts)
    {
        facts = default;
        if (!CriuPrefix.TryParse(line, out var level, out var fileStart, out var fileLength, out var fromRestorer, out var messageStart))
        {
            return TryAnalyseBare(line, errno, out facts);
        }

        var message = line[messageStart..];
        var file = line.Slice(fileStart, fileLength);
        var slash = file.LastIndexOf('/');
        var name = slash >= 0 ? file[(slash + 1)..] : file;
        var subsystem = byFile.TryGetValue(name, out var byName) ? byName : ByPrefix(message);
        var origin = subsystem?.Id ?? (fromRestorer ? "restorer" : LineFacts.CriuOrigin);
        facts = new LineFacts(origin, PhaseOf(subsystem), IsCriu: true, level == CriuLevel.Warn, errno, messageStart);
        return true;
    }

    /// <summary>
    /// A CRIU error quoted without its <c>Error (file.c:NNN):</c> prefix, as people paste them: the message starts
    /// (after an optional timestamp and pid column) with the per-file log prefix of a known subsystem
    /// (<c>mnt-v2: Failed to make mount 476 slave: Invalid argument</c>). The <c>criu-bare-error</c> marker decides
    /// that the line is such an error; this only names its subsystem.
    /// </summary>
    private bool TryAnalyseBare(ReadOnlySpan<char> line, string? errno, out LineFacts facts)
    {
        facts = default;
        var at = SkipColumns(line);
        if (ByPrefix(line[at..]) is not { } subsystem)
        {
            return false;
        }

        facts = new LineFacts(subsystem.Id, PhaseOf(subsystem), IsCriu: true, IsWarning: false, errno, at);
        return true;
    }

    /// <summary>The subsystem whose per-file log prefix (<c>mnt: </c>, <c>cg: </c>…) the message starts with, longest first.</summary>
    private SubsystemDefinition? ByPrefix(ReadOnlySpan<char> message)
    {
        foreach (var (prefix, s) in byPrefix)
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    private static string PhaseOf(SubsystemDefinition? subsystem) => subsystem?.Phase is { Length: > 0 } p ? p : Phases.Any;

    /// <summary>Past leading punctuation, a <c>(ss.uuuuuu)</c> timestamp and a <c>pid:</c> column of a CRIU log line.</summary>
    private static int SkipColumns(ReadOnlySpan<char> line)
    {
        var at = 0;
        while (at < line.Length && at < 3 && !char.IsAsciiLetterOrDigit(line[at]) && line[at] != '(')
        {
            at++;
        }

        if (at < line.Length && line[at] == '(')
        {
            var close = line[at..].IndexOf(')');
            if (close > 0)
            {
                at += close + 1;
            }
        }

        at = SkipSpaces(line, at);
        var digits = at;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > at && digits < line.Length && line[digits] == ':' ? SkipSpaces(line, digits + 1) : at;

        static int SkipSpaces(ReadOnlySpan<char> line, int at)
        {
            while (at < line.Length && line[at] is ' ' or '\t')
            {
                at++;
            }

            return at;
        }
    }

    /// <summary>Layer 2 facts of a wrapper's failure line (runtime, JVM, Liberty): errno texts and names, no bare numbers.</summary>
    public static LineFacts AnalyseWrapper(string origin, string? errno) => new(origin, Phases.Any, IsCriu: false, IsWarning: false, errno, 0);

    /// <summary>Adds every rule that holds for the line: rules of its origin (and of <c>criu</c> for any CRIU line), and rules of any origin.</summary>
    public void Apply(ReadOnlySpan<char> line, in LineFacts facts, List<CauseCandidate> output)
    {
        var message = line[Math.Min(facts.MessageStart, line.Length)..];
        var errno = new LazyErrno(this, facts.IsCriu, facts.Errno);
        Check(rulesByOrigin.GetValueOrDefault(facts.Origin), message, facts, ref errno, output);
        if (facts.IsCriu && facts.Origin != LineFacts.CriuOrigin)
        {
            Check(rulesByOrigin.GetValueOrDefault(LineFacts.CriuOrigin), message, facts, ref errno, output);
        }

        Check(anyOriginRules, message, facts, ref errno, output);
    }

    private static void Check(CompiledRule[]? rules, ReadOnlySpan<char> message, in LineFacts facts, ref LazyErrno errno, List<CauseCandidate> output)
    {
        if (rules is null)
        {
            return;
        }

        foreach (var rule in rules)
        {
            // Most selective first: warnings, the errno (read once per line), then the object words.
            if ((facts.IsWarning && !rule.IncludeWarnings)
                || (rule.Errnos.Length > 0 && (errno.Get(message) is not { } e || Array.IndexOf(rule.Errnos, e) < 0))
                || (rule.Objects.Length > 0 && !AnyWord(message, rule.Objects))
                || output.Contains(rule.Candidate))
            {
                continue;
            }

            output.Add(rule.Candidate);
        }
    }

    /// <summary>The errno of a message (layer 2): read at most once per line, and only when a rule gets that far.</summary>
    private struct LazyErrno(StructuralRules rules, bool criu, string? known)
    {
        private bool read = known is not null;
        private string? value = known;

        public string? Get(ReadOnlySpan<char> message)
        {
            if (!read)
            {
                value = rules.ErrnoOf(message, numeric: criu);
                read = true;
            }

            return value;
        }
    }

    private static bool AnyWord(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The errno a CRIU message reports as a number when its text and name are absent (those come from the literal
    /// automaton): <c>with -13</c>, <c>(-2)</c>, <c>errno 1</c>, <c>ret -1</c>, <c>0xfffffffffffffff3</c>.
    /// </summary>
    private string? ErrnoOf(ReadOnlySpan<char> message, bool numeric) =>
        numeric && NumberOf(message) is { } n && byNumber.TryGetValue(n, out var e) ? e.Name : null;

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

    /// <summary>A rule with its lists as arrays (read per failure line without allocating an enumerator).</summary>
    private sealed record CompiledRule(IReadOnlyList<string> Origins, string[] Errnos, string[] Objects, bool IncludeWarnings, CauseCandidate Candidate);
}
