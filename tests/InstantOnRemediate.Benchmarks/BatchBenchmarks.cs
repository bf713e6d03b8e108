using BenchmarkDotNet.Attributes;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Benchmarks;

/// <summary>
/// Subscription deliveries of 1 KB to 1 MB of gzip data (1 MB is the maximum: Lambda's payload limit) and one of a
/// full CloudWatch Logs batch (1 MB of log data): decode, and decode + detect, warm. Decode is the detect path's:
/// with the catalog's <see cref="MessageFilter"/>, so only messages detection parses become strings.
/// </summary>
public class BatchBenchmarks
{
    private byte[] envelope = null!;
    private SignatureCatalog catalog = null!;

    [ParamsSource(nameof(Sizes))]
    public BatchSize Batch { get; set; } = null!;

    public static IEnumerable<BatchSize> Sizes => BatchSize.All;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SignatureCatalog.LoadEmbedded();
        envelope = Batch.Envelope(out var events, out var decompressed);
        Console.WriteLine($"// batch {Batch}: envelope {envelope.Length} bytes, {events} events, {decompressed} bytes decompressed");
    }

    [Benchmark(Description = "Decode")]
    public int Decode() => SubscriptionDecoder.Decode(envelope, DecoderLimits.Default, catalog.MessageFilter).Payload!.LogEvents.Count;

    [Benchmark(Description = "Decode + Detect")]
    public int DecodeAndDetect() => RestoreDetector.Detect(SubscriptionDecoder.Decode(envelope, DecoderLimits.Default, catalog.MessageFilter), catalog).Count;
}
