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

    /// <summary>
    /// The targets are verdict ≥ 95 %, cause ≥ 85 %, remedy class ≥ 90 % on the held-out part (docs/diagnosis.md).
    /// Verdict and remedy class are not met yet (31/33 and 24/27, measured again after the "plainly failed is never
    /// none" mechanisms of issue #15 and again after the fatal-signal reports and the completed subsystem map were
    /// added: unchanged): these floors are what the classifier achieves today, so
    /// any regression fails, and they are raised as rules written against the dev part generalise. Never tune
    /// against held-out logs to raise them (docs/diagnosis.md: the held-out figures have been seen every round).
    /// </summary>
    private const double HeldOutVerdictFloor = 31.0 / 33;
    private const double HeldOutCauseFloor = 0.85;
    private const double HeldOutRemedyFloor = 24.0 / 27;

    [Fact]
    public void ClassifyLines_HeldOutCorpus_MeetsAccuracyFloors()
    {
        var scores = Score();
        foreach (var split in new[] { "dev", "holdout" })
        {
            output.WriteLine(scores[split].Summary(split));
        }

        // Only the dev part's misses are shown: the held-out logs stay out of sight of whoever writes rules.
        foreach (var miss in scores["dev"].Misses.Order(StringComparer.Ordinal))
        {
            output.WriteLine(miss);
        }

        output.WriteLine("cause confusion (labelled → classified), dev part:");
        foreach (var (pair, n) in scores["dev"].Confusion.GroupBy(p => p).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {n} × {pair}");
        }

        var held = scores["holdout"];
        output.WriteLine("targets on the held-out part: verdict 95%, cause 85%, remedy class 90%");
        Assert.True(held.Verdict >= HeldOutVerdictFloor - 1e-9, $"held-out verdict accuracy {held.Verdict:P1} fell below {HeldOutVerdictFloor:P1}");
        Assert.True(held.Cause >= HeldOutCauseFloor - 1e-9, $"held-out cause accuracy {held.Cause:P1} < {HeldOutCauseFloor:P1}");
        Assert.True(held.Remedy >= HeldOutRemedyFloor - 1e-9, $"held-out remedy-class accuracy {held.Remedy:P1} fell below {HeldOutRemedyFloor:P1}");
        var dev = scores["dev"];
        Assert.True(dev.Verdict >= 63.0 / 64 - 1e-9 && dev.Cause >= 49.0 / 53 - 1e-9 && dev.Remedy >= 49.0 / 53 - 1e-9, dev.Summary("dev"));
    }

    /// <summary>
    /// A log that plainly failed is never 'none' (issue #15: a runtime's "failed", CRIU's Error then an abort, a JVM
    /// dump after a restore, a *_FAILED test marker). Met on the dev part; one held-out failure is still 'none' (the
    /// target is zero: docs/diagnosis.md), so the held-out part may not get worse. Its id is not printed.
    /// </summary>
    [Fact]
    public void ClassifyLines_CorpusFailures_AreNotClassifiedNone()
    {
        var entries = CorpusEntry.Load();
        var holdout = entries.Where(e => e.Holdout).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var none = entries
            .Where(e => e.IsFailure && !e.AcceptVerdicts.Contains(Verdicts.None))
            .Where(e => RestoreDetector.ClassifyLines(File.ReadLines(e.Path), Catalog).Verdict == Verdicts.None)
            .Select(e => e.Id)
            .ToList();

        output.WriteLine("dev failures classified 'none': " + string.Join(", ", none.Where(id => !holdout.Contains(id))) + $"; held-out: {none.Count(holdout.Contains)} (ids not shown)");
        Assert.DoesNotContain(none, id => !holdout.Contains(id));
        Assert.True(none.Count(holdout.Contains) <= 1, $"{none.Count(holdout.Contains)} held-out failures classified 'none' (at most 1 today)");
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
