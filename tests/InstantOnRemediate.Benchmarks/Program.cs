using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using InstantOnRemediate.Benchmarks;

// --classify-file PATH: stream a log file through RestoreDetector.ClassifyLines (the CLI classify path) and print
//   lines, seconds, lines per second and this process's peak resident set (VmHWM).
// --quick: short in-process run (1 warm-up, 3 iterations of about 250 ms each) for scripts/bench.sh.
// Any other arguments go to BenchmarkDotNet (e.g. --filter *Batch*).
if (args.Length == 2 && args[0] == "--classify-file")
{
    return FileClassification.Run(args[1]);
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

BenchmarkSwitcher.FromTypes([typeof(ClassificationBenchmarks), typeof(BatchBenchmarks), typeof(CorrelationBenchmarks)])
    .Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
return 0;
