using BenchmarkDotNet.Attributes;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Benchmarks;

/// <summary>
/// Dense logs: the labelled corpus (tests/data/corpus/criu/*.log, about 40% of its lines hold a catalog literal)
/// concatenated to about 100 MB, classified from memory by the streaming byte path (what the CLI uses for files)
/// and by ClassifyLines. scripts/bench.sh runs <c>grep -F -c -f &lt;catalog literals&gt;</c> over the same bytes
/// (BENCH_DENSE_FILE) for the baseline. One operation = the whole file; divide by its size for MB/s.
/// </summary>
public class DenseLogBenchmarks
{
    private SignatureCatalog catalog = null!;
    private byte[] log = null!;
    private string[] lines = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SignatureCatalog.LoadEmbedded();
        log = SampleLogs.DenseCorpus();
        lines = System.Text.Encoding.UTF8.GetString(log).Split('\n');
    }

    [Benchmark(Description = "ClassifyStream, ~100 MB dense corpus log (per file)")]
    public string ClassifyStreamDense() => RestoreDetector.ClassifyStream(new MemoryStream(log, writable: false), catalog).Verdict;

    [Benchmark(Description = "ClassifyLines, ~100 MB dense corpus log (per file)")]
    public string ClassifyLinesDense() => RestoreDetector.ClassifyLines(lines, catalog).Verdict;
}
