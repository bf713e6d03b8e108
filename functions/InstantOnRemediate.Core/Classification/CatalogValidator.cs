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

            if (s.Verdict is not (Verdicts.RestoreFailure or Verdicts.CheckpointFailure))
            {
                throw Fail(where, $"verdict '{s.Verdict}' must be restore-failure or checkpoint-failure");
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

            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.Signature, s.Id, s.Literals, regex) { Signature = s });
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

            patterns.Add(new CatalogPattern(patterns.Count, PatternRole.Marker, m.Id, m.Literals, Compile(m.Regex, where)) { Marker = m });
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

        return patterns;
    }

    private static HashSet<string> ValidateCauses(IReadOnlyList<CauseDefinition> causes)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < causes.Count; i++)
        {
            var c = causes[i];
            var where = $"causes[{i}] '{c.Id}'";
            if (!CauseIds.All.Contains(c.Id))
            {
                throw Fail(where, "is not in the cause vocabulary (DESIGN §4)");
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

        var missing = CauseIds.All.Where(id => !ids.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw Fail("causes", "lacks an entry for " + string.Join(", ", missing));
        }

        return ids;
    }

    private static void CheckId(HashSet<string> ids, string id, string where)
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

    private static void CheckSignals(IReadOnlyList<string> signals, string where)
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

    private static CatalogValidationException Fail(string where, string problem) => new($"signature catalog: {where}: {problem}");
}
