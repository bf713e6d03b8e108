using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using InstantOnRemediate.Benchmarks;

// --classify-file PATH: stream a log file through RestoreDetector.ClassifyStream (the CLI classify path for files) and
//   print lines, seconds, lines per second and this process's peak resident set (VmHWM).
// --classify-file-lines PATH: the same through RestoreDetector.ClassifyLines over File.ReadLines.
// --print-literals: the catalog's distinct literals, one a line (what the literal automaton looks for; the
//   grep -F -f baseline of scripts/bench.sh is given exactly these).
// --quick: short in-process run (1 warm-up, 3 iterations of about 250 ms each) for scripts/bench.sh.
// Any other arguments go to BenchmarkDotNet (e.g. --filter *Batch*).
if (args.Length == 2 && args[0] == "--classify-file")
{
    return FileClassification.Run(args[1]);
}

if (args.Length == 2 && args[0] == "--classify-file-lines")
{
    return FileClassification.Run(args[1], byLines: true);
}

if (args.Length == 1 && args[0] == "--print-literals")
{
    foreach (var literal in InstantOnRemediate.Core.Classification.SignatureCatalog.LoadEmbedded().Matcher.Literals)
    {
        Console.WriteLine(literal);
    }

    return 0;
}

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
if (quick)
{
    config = config.AddJob(Job.ShortRun
        .WithWarmupCount(1)
        .WithIterationCount(3)
        .WithLaunchCount(1)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
        .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
}

BenchmarkSwitcher.FromTypes([typeof(ClassificationBenchmarks), typeof(DenseLogBenchmarks), typeof(BatchBenchmarks), typeof(CorrelationBenchmarks)])
    .Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
return 0;
