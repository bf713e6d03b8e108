using BenchmarkDotNet.Attributes;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Benchmarks;

/// <summary>Per-line cost (OperationsPerInvoke = lines): the reported time and allocation are per line.</summary>
public class ClassificationBenchmarks
{
    private const int Lines = 100_000;
    private readonly List<CatalogPattern> hits = [];
    private SignatureCatalog catalog = null!;
    private string[] plain = null!;
    private string[] mixed = null!;
    private string nonMatching = null!;
    private string matching = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SignatureCatalog.LoadEmbedded();
        plain = SampleLogs.PlainLines(Lines);
        mixed = SampleLogs.MixedLines(Lines);
        nonMatching = plain[1];
        matching = "Error (criu/cr-restore.c:1492): 133 killed by signal 11: Segmentation fault";
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "ClassifyLines, plain log (per line)")]
    public string ClassifyPlain() => RestoreDetector.ClassifyLines(plain, catalog).Verdict;

    [Benchmark(OperationsPerInvoke = Lines, Description = "ClassifyLines, mixed log ~1% catalog hits (per line)")]
    public string ClassifyMixed() => RestoreDetector.ClassifyLines(mixed, catalog).Verdict;

    [Benchmark(OperationsPerInvoke = 1000, Description = "Match, non-matching line (per line)")]
    public int MatchNonMatching()
    {
        var n = 0;
        for (var i = 0; i < 1000; i++)
        {
            hits.Clear();
            n += catalog.Matcher.Match(nonMatching, hits) ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000, Description = "Match, signature line (per line)")]
    public int MatchMatching()
    {
        var n = 0;
        for (var i = 0; i < 1000; i++)
        {
            hits.Clear();
            n += catalog.Matcher.Match(matching, hits) ? 1 : 0;
        }

        return n;
    }
}
