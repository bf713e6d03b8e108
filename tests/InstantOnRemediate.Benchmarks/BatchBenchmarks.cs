using BenchmarkDotNet.Attributes;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Benchmarks;

/// <summary>
/// Subscription deliveries of 1 KB to 1 MB of gzip data (1 MB is the maximum: Lambda's payload limit): decode, and
/// decode + detect, warm.
/// </summary>
public class BatchBenchmarks
{
    private byte[] envelope = null!;
    private SignatureCatalog catalog = null!;

    /// <summary>Target size of the gzip data in the delivery.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int CompressedBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        catalog = SignatureCatalog.LoadEmbedded();
        envelope = SampleLogs.MaxSizeEnvelope(CompressedBytes, out var events, out var decompressed);
        Console.WriteLine($"// batch {CompressedBytes}: envelope {envelope.Length} bytes, {events} events, {decompressed} bytes decompressed");
    }

    [Benchmark(Description = "Decode")]
    public int Decode() => SubscriptionDecoder.Decode(envelope).Payload!.LogEvents.Count;

    [Benchmark(Description = "Decode + Detect")]
    public int DecodeAndDetect() => RestoreDetector.Detect(SubscriptionDecoder.Decode(envelope), catalog).Count;
}
