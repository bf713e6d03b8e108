using System.Globalization;
using InstantOnRemediate.Core.Classification;
using Xunit.Abstractions;

namespace InstantOnRemediate.Core.Tests.Classification;

/// <summary>The classifier against the shared labelled corpus: verdict accuracy over every entry, cause accuracy over labelled failures.</summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.LoadEmbedded();

    [Fact]
    public void ClassifyLines_SharedCorpus_MeetsAccuracyThresholds()
    {
        var entries = CorpusEntry.Load();
        Assert.NotEmpty(entries);
        int verdictOk = 0, failures = 0, causeOk = 0;
        foreach (var entry in entries)
        {
            var result = RestoreDetector.ClassifyLines(File.ReadLines(entry.Path), Catalog);
            var v = entry.VerdictAccepted(result.Verdict);
            verdictOk += v ? 1 : 0;
            var c = true;
            if (entry.IsFailure)
            {
                failures++;
                c = entry.CauseAccepted(result.Cause);
                causeOk += c ? 1 : 0;
            }

            output.WriteLine($"{(v && c ? "ok  " : "MISS")} {entry.Id}: verdict {result.Verdict} (want {entry.ExpectedVerdict}), cause {result.Cause} (want {entry.ExpectedCause}{(entry.AcceptCauses.Count > 0 ? " or " + string.Join('/', entry.AcceptCauses) : "")})");
        }

        var verdictAccuracy = (double)verdictOk / entries.Count;
        var causeAccuracy = (double)causeOk / failures;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdict accuracy {verdictOk}/{entries.Count} = {verdictAccuracy:P1}; cause accuracy over labelled failures {causeOk}/{failures} = {causeAccuracy:P1}"));
        Assert.True(verdictAccuracy >= 0.95, $"verdict accuracy {verdictAccuracy:P1} < 95%");
        Assert.True(causeAccuracy >= 0.90, $"cause accuracy {causeAccuracy:P1} < 90%");
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
}
