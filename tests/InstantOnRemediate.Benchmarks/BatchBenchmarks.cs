using BenchmarkDotNet.Attributes;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Benchmarks;

/// <summary>A maximum-size delivery (about 1 MB of gzip data): decode + detect, warm.</summary>
public class BatchBenchmarks
{
    private byte[] envelope = null!;
    private SignatureCatalog catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SignatureCatalog.LoadEmbedded();
        envelope = SampleLogs.MaxSizeEnvelope(1_000_000, out var events, out var decompressed);
        Console.WriteLine($"// batch: envelope {envelope.Length} bytes, {events} events, {decompressed} bytes decompressed");
    }

    [Benchmark(Description = "Decode 1 MB-compressed batch")]
    public int Decode() => SubscriptionDecoder.Decode(envelope).Payload!.LogEvents.Count;

    [Benchmark(Description = "Decode + Detect 1 MB-compressed batch")]
    public int DecodeAndDetect() => RestoreDetector.Detect(SubscriptionDecoder.Decode(envelope), catalog).Count;
}
