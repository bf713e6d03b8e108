using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using InstantOnRemediate.Benchmarks;

// --quick: short in-process run (3 warm-ups, 5 iterations), good enough for the figures in docs/performance.md.
// Any other arguments go to BenchmarkDotNet (e.g. --filter *Batch*).
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
if (quick)
{
    config = config.AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(5).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance));
}

BenchmarkSwitcher.FromTypes([typeof(ClassificationBenchmarks), typeof(BatchBenchmarks)]).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
