using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Classification.Catalog;

namespace InstantOnRemediate.Core.Classification;

/// <summary>Checks a catalog document entry by entry and compiles its patterns; the first problem names the entry.</summary>
internal static class CatalogValidator
{
    public static List<CatalogPattern> Validate(CatalogDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Version))
        {
            throw Fail("version", "is empty");
        }

        var causeIds = ValidateCauses(doc.Causes);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var patterns = new List<CatalogPattern>();

        for (var i = 0; i < doc.Signatures.Count; i++)
        {
            var s = doc.Signatures[i];
            var where = $"signatures[{i}] '{s.Id}'";
            CheckId(ids, s.Id, where);
            var regex = Compile(s.Regex, where);
            if (!causeIds.Contains(s.Cause) || s.Cause == CauseIds.Unknown)
            {
                throw Fail(where, $"cause '{s.Cause}' is not a defined cause (other than 'unknown')");
            }

            if (s.Verdict is not ("" or Verdicts.RestoreFailure or Verdicts.CheckpointFailure))
            {
                throw Fail(where, $"verdict '{s.Verdict}' must be restore-failure or checkpoint-failure (or absent: from the phase)");
            }

            if (s.Precedence is < 0 or > 1000)
            {
                throw Fail(where, "precedence must be 0..1000");
            }

            if (s.RequiresPhase is not (null or Phases.Checkpoint or Phases.Restore))
            {
                throw Fail(where, $"requiresPhase '{s.RequiresPhase}' must be checkpoint or restore");
            }

            if (s.KernelBelow is { } k && (!KernelRelease.TryParse(k.Version, out _) || !causeIds.Contains(k.Cause)))
            {
                throw Fail(where, $"kernelBelow needs a version like 5.13 and a defined cause (got '{k.Version}', '{k.Cause}')");
            }

            CheckSignals(s.Signals, where);
            CheckLiterals(s.Literals, where);
            if (s.FilterTerm is { } term)
            {
                CheckFilterTerm(term, where);
                if (s.Literals.Any(l => !l.Contains(term, StringComparison.Ordinal)) && !FilterPatternGenerator.RegexRequiresPrefix(s.Regex, term))
                {
                    throw Fail(where, $"filterTerm '{term}' is neither part of every literal nor a required prefix of the regex, so the filter could miss a matching line");
                }
            }
            else
            {
                CheckLiteralsAreTerms(s.Literals, where);
            }

            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.Signature, s.Id, s.Literals, regex) { Signature = CauseCandidate.From(s) });
        }

        for (var i = 0; i < doc.Markers.Count; i++)
        {
            var m = doc.Markers[i];
            var where = $"markers[{i}] '{m.Id}'";
            CheckId(ids, m.Id, where);
            if (!MarkerKinds.All.Contains(m.Kind))
            {
                throw Fail(where, $"kind '{m.Kind}' must be one of {string.Join(", ", MarkerKinds.All)}");
            }

            if (m.Origin is { } origin && !StructureValidator.WrapperOrigins.Contains(origin))
            {
                throw Fail(where, $"origin '{origin}' must be one of {string.Join(", ", StructureValidator.WrapperOrigins)}");
            }

            CheckSignals(m.Signals, where);
            CheckLiterals(m.Literals, where);
            foreach (var term in m.FilterTerms)
            {
                CheckFilterTerm(term, where);
            }

            if (m.InFilter && m.FilterTerms.Count == 0)
            {
                CheckLiteralsAreTerms(m.Literals, where);
            }

            if (m.FilterTerms.Count > 0 && m.Literals.Any(l => !m.FilterTerms.Any(t => l.Contains(t, StringComparison.Ordinal))))
            {
                throw Fail(where, "every literal must contain one of filterTerms, so the filter could miss a marker line");
            }

            if (m.AlsoContains.Any(words => words.Count == 0 || words.Any(string.IsNullOrEmpty)))
            {
                throw Fail(where, "alsoContains lists must each hold at least one non-empty word");
            }

            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.Marker, m.Id, m.Literals, Compile(m.Regex, where))
            {
                Marker = m,
                AlsoContains = [.. m.AlsoContains.Select(words => words.ToArray())],
            });
        }

        for (var i = 0; i < doc.Benign.Count; i++)
        {
            var b = doc.Benign[i];
            var where = $"benign[{i}] '{b.Id}'";
            CheckId(ids, b.Id, where);
            if (b.Phase is not (Phases.Restore or Phases.Any or Phases.None))
            {
                throw Fail(where, $"phase '{b.Phase}' must be restore, any or none");
            }

            if (string.IsNullOrWhiteSpace(b.Note))
            {
                throw Fail(where, "note is empty: say why the line is benign");
            }

            CheckLiterals(b.Literals, where);
            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.Benign, b.Id, b.Literals, Compile(b.Regex, where)) { Benign = b });
        }

        for (var i = 0; i < doc.KernelPatterns.Count; i++)
        {
            var k = doc.KernelPatterns[i];
            var where = $"kernelPatterns[{i}] '{k.Id}'";
            CheckId(ids, k.Id, where);
            CheckLiterals(k.Literals, where);
            if (string.IsNullOrEmpty(k.Regex))
            {
                throw Fail(where, "regex is required");
            }

            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.Kernel, k.Id, k.Literals, Compile(k.Regex, where)));
        }

        for (var i = 0; i < doc.NodeFacts.Count; i++)
        {
            var f = doc.NodeFacts[i];
            var where = $"nodeFacts[{i}] '{f.Id}'";
            CheckId(ids, f.Id, where);
            CheckLiterals(f.Literals, where);
            CheckSignals([f.Signal], where);
            if (string.IsNullOrWhiteSpace(f.Note) || string.IsNullOrWhiteSpace(f.Source))
            {
                throw Fail(where, "needs a note and a source");
            }

            if (f.Cause is { } implied && (!causeIds.Contains(implied) || implied == CauseIds.Unknown))
            {
                throw Fail(where, $"cause '{implied}' is not a defined cause (other than 'unknown')");
            }

            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.NodeFact, f.Id, f.Literals, Compile(f.Regex, where)) { NodeFact = f });
        }

        var subsystems = StructureValidator.ValidateSubsystems(doc.Subsystems);
        var errnoNames = StructureValidator.ValidateErrnos(doc.Errnos);
        foreach (var e in doc.Errnos)
        {
            // Layer 2 rides the same automaton: the strerror text as CRIU prints it and as Go runtimes print it
            // (lower-case first letter), and the name as a whole word.
            var lower = char.ToLowerInvariant(e.Text[0]) + e.Text[1..];
            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.ErrnoText, "errno-text:" + e.Name, lower == e.Text ? [e.Text] : [e.Text, lower], null) { Errno = e });
            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.ErrnoName, "errno-name:" + e.Name, [e.Name], null) { Errno = e });
        }

        StructureValidator.ValidateRules(doc.Rules, causeIds, subsystems, errnoNames, ids);
        if (doc.Rules.Any(r => r.IncludeWarnings))
        {
            // The structural layer reads CRIU warnings too: the automaton must find them.
            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.CriuWarning, "criu-warning", ["Warn (", "Warn  ("], null));
        }

        foreach (var p in patterns)
        {
            if (p.Literals.Any(l => l.Any(c => c >= 128)))
            {
                throw Fail($"'{p.Id}'", "literals must be ASCII (the literal automaton reads UTF-8 bytes and UTF-16 text alike)");
            }
        }

        return patterns;
    }

    private static HashSet<string> ValidateCauses(IReadOnlyList<CauseDefinition> causes)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < causes.Count; i++)
        {
            var c = causes[i];
            var where = $"causes[{i}] '{c.Id}'";
            if (c.Id.Length < 3 || c.Id.Any(ch => !char.IsAsciiLetterLower(ch) && !char.IsAsciiDigit(ch) && ch != '-') || c.Id == CauseIds.None)
            {
                throw Fail(where, "id must be a lower-case id other than 'none'");
            }

            if (!ids.Add(c.Id))
            {
                throw Fail(where, "is defined twice");
            }

            if (!RemedyClasses.All.Contains(c.Remedy) || c.Remedy == RemedyClasses.None)
            {
                throw Fail(where, $"remedy '{c.Remedy}' is not a remedy class");
            }

            if (string.IsNullOrWhiteSpace(c.Explanation) || string.IsNullOrWhiteSpace(c.Fix))
            {
                throw Fail(where, "needs an explanation and a fix");
            }
        }

        // The catalog defines the cause vocabulary; only the causes the code names must be there.
        var missing = CauseIds.RequiredByCode.Where(id => !ids.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw Fail("causes", "lacks an entry for " + string.Join(", ", missing));
        }

        return ids;
    }

    internal static void CheckId(HashSet<string> ids, string id, string where)
    {
        if (string.IsNullOrEmpty(id) || !ids.Add(id))
        {
            throw Fail(where, "id is empty or used twice");
        }
    }

    private static void CheckLiterals(IReadOnlyList<string> literals, string where)
    {
        if (literals.Count == 0 || literals.Any(l => l.Length < 3))
        {
            throw Fail(where, "needs at least one literal of 3 or more characters");
        }
    }

    internal static void CheckSignals(IReadOnlyList<string> signals, string where)
    {
        if (signals.Any(s => s.Length == 0 || s.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')))
        {
            throw Fail(where, "signals must be lower-case ids");
        }
    }

    private static void CheckFilterTerm(string term, string where)
    {
        if (!FilterPatternGenerator.IsSafeTerm(term))
        {
            throw Fail(where, $"filter term '{term}' must be 3+ characters of A-Z a-z 0-9 space _ . : ( ) = , @ # - (no quotes, slashes or apostrophes, which log shippers may escape)");
        }
    }

    private static void CheckLiteralsAreTerms(IReadOnlyList<string> literals, string where)
    {
        foreach (var literal in literals)
        {
            if (!FilterPatternGenerator.IsSafeTerm(literal))
            {
                throw Fail(where, $"literal '{literal}' cannot be a subscription-filter term as is: add a filterTerm");
            }
        }
    }

    private static Regex? Compile(string? pattern, string where)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, SignatureCatalog.PatternOptions);
        }
        catch (ArgumentException e)
        {
            throw Fail(where, $"regex does not compile: {e.Message}");
        }
    }

    internal static CatalogValidationException Fail(string where, string problem) => new($"signature catalog: {where}: {problem}");
}
