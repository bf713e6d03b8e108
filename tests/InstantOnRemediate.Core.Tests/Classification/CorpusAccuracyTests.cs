using System.Globalization;
using InstantOnRemediate.Core.Classification;
using Xunit.Abstractions;

namespace InstantOnRemediate.Core.Tests.Classification;

/// <summary>
/// The classifier against the labelled corpus, reported for both parts of the fixed split (split.json): rules are
/// written against <c>dev</c>; the thresholds hold on the <c>holdout</c> part, which measures generalisation.
/// Verdict accuracy is over every entry, cause and remedy-class accuracy over labelled failures.
/// </summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.LoadEmbedded();

    [Fact]
    public void ClassifyLines_HeldOutCorpus_MeetsAccuracyThresholds()
    {
        var scores = Score();
        foreach (var split in new[] { "dev", "holdout" })
        {
            output.WriteLine(scores[split].Summary(split));
        }

        foreach (var miss in scores.Values.SelectMany(s => s.Misses).Order(StringComparer.Ordinal))
        {
            output.WriteLine(miss);
        }

        output.WriteLine("cause confusion (labelled → classified), both parts:");
        foreach (var (pair, n) in scores.Values.SelectMany(s => s.Confusion).GroupBy(p => p).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {n} × {pair}");
        }

        var held = scores["holdout"];
        Assert.True(held.Verdict >= 0.95, $"held-out verdict accuracy {held.Verdict:P1} < 95%");
        Assert.True(held.Cause >= 0.85, $"held-out cause accuracy {held.Cause:P1} < 85%");
        Assert.True(held.Remedy >= 0.90, $"held-out remedy-class accuracy {held.Remedy:P1} < 90%");
    }

    [Fact]
    public void ClassifyLines_CorpusFailures_AreNeverClassifiedNone()
    {
        var none = CorpusEntry.Load()
            .Where(e => e.IsFailure && !e.AcceptVerdicts.Contains(Verdicts.None))
            .Where(e => RestoreDetector.ClassifyLines(File.ReadLines(e.Path), Catalog).Verdict == Verdicts.None)
            .Select(e => e.Id)
            .ToList();

        Assert.True(none.Count == 0, "failures classified 'none': " + string.Join(", ", none));
    }

    [Fact]
    public void ClassifyLines_SharedCorpus_NeverReportsBenignLineAsEvidenceOfCause()
    {
        foreach (var entry in CorpusEntry.Load())
        {
            var result = RestoreDetector.ClassifyLines(File.ReadLines(entry.Path), Catalog);
            foreach (var benign in result.Benign)
            {
                Assert.DoesNotContain(benign, result.Evidence);
            }

            Assert.DoesNotContain(result.Evidence, l => l.Contains("SO_BUF_LOCK", StringComparison.Ordinal)
                || l.Contains("$XDG_RUNTIME_DIR", StringComparison.Ordinal)
                || l.Contains("Diag module missing", StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, SplitScore> Score()
    {
        var scores = new Dictionary<string, SplitScore>(StringComparer.Ordinal) { ["dev"] = new(), ["holdout"] = new() };
        foreach (var entry in CorpusEntry.Load())
        {
            var result = RestoreDetector.ClassifyLines(File.ReadLines(entry.Path), Catalog);
            var s = scores[entry.Split];
            var v = entry.VerdictAccepted(result.Verdict);
            s.Entries++;
            s.VerdictOk += v ? 1 : 0;
            bool c = true, r = true;
            if (entry.IsFailure)
            {
                s.Failures++;
                c = entry.CauseAccepted(result.Cause);
                r = entry.RemedyAccepted(result.Remedy, Catalog);
                s.CauseOk += c ? 1 : 0;
                s.RemedyOk += r ? 1 : 0;
                if (!c)
                {
                    s.Confusion.Add($"{entry.ExpectedCause} → {result.Cause}");
                }
            }

            if (!(v && c && r))
            {
                s.Misses.Add($"MISS [{entry.Split}] {entry.Id}: verdict {result.Verdict} (want {entry.ExpectedVerdict}), cause {result.Cause} (want {entry.ExpectedCause}"
                    + (entry.AcceptCauses.Count > 0 ? " or " + string.Join('/', entry.AcceptCauses) : "") + $"), remedy {result.Remedy}");
            }
        }

        return scores;
    }

    private sealed class SplitScore
    {
        public int Entries { get; set; }

        public int VerdictOk { get; set; }

        public int Failures { get; set; }

        public int CauseOk { get; set; }

        public int RemedyOk { get; set; }

        public List<string> Misses { get; } = [];

        public List<string> Confusion { get; } = [];

        public double Verdict => (double)VerdictOk / Entries;

        public double Cause => (double)CauseOk / Failures;

        public double Remedy => (double)RemedyOk / Failures;

        public string Summary(string split) => string.Create(CultureInfo.InvariantCulture,
            $"{split}: verdict {VerdictOk}/{Entries} = {Verdict:P1}; cause {CauseOk}/{Failures} = {Cause:P1}; remedy class {RemedyOk}/{Failures} = {Remedy:P1}");
    }
}
