using System.Text;
using CsCheck;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Ingest;

/// <summary>
/// Random and mutated deliveries (fixed CsCheck seed, so every run feeds the same inputs): decoding and detection
/// never throw, what comes back is bounded by the input, and decoding with the catalog's message filter changes
/// nothing but which texts are kept.
/// </summary>
public sealed class DecoderPropertyTests
{
    private const int Iterations = 400;
    private static readonly DecoderLimits Limits = DecoderLimits.Default with { MaxDecompressedBytes = 1_048_576 };

    [Fact]
    public void Decode_RandomBytes_NeverThrowsAndRejects()
    {
        var gen = Gen.Byte.Array[0, 4096];
        ForEach(gen, 1, bytes =>
        {
            var batch = SubscriptionDecoder.Decode(bytes, Limits);
            Assert.True(batch.Payload is not null || batch.Rejected.Count == 1);
        });
    }

    [Fact]
    public void Decode_MutatedEnvelopeText_NeverThrows()
    {
        var envelope = File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.json"));
        ForEach(Mutations(envelope.Length), 2, mutation =>
        {
            var batch = SubscriptionDecoder.Decode(Apply(envelope, mutation), Limits);
            Assert.True(batch.Payload is null ? batch.Rejected.Count == 1 : batch.Payload.LogEvents.Count <= 12);
        });
    }

    [Fact]
    public void Decode_MutatedPayloadJson_NeverThrowsStaysBoundedAndFilterOnlyDropsTexts()
    {
        var decoded = File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.decoded.json"));
        var catalog = SignatureCatalog.LoadEmbedded();
        ForEach(Mutations(decoded.Length), 3, mutation =>
        {
            var envelope = Envelopes.FromPayloadBytes(Apply(decoded, mutation));
            var batch = SubscriptionDecoder.Decode(envelope, Limits);
            var filtered = SubscriptionDecoder.Decode(envelope, Limits, catalog.MessageFilter);
            Assert.Equal(batch.Rejected, filtered.Rejected);
            if (batch.Payload is { } payload)
            {
                Assert.True(payload.LogEvents.Count + batch.Rejected.Count <= 13);
                Assert.All(payload.LogEvents, e => Assert.False(e.Message!.Contains('\0', StringComparison.Ordinal)));
                Assert.Equal(payload.LogEvents.Select(e => e.Id), filtered.Payload!.LogEvents.Select(e => e.Id));
                Assert.All(payload.LogEvents.Zip(filtered.Payload.LogEvents), p => Assert.True(p.Second.Message is null || p.Second.Message == p.First.Message));
                var findings = RestoreDetector.Detect(batch, catalog);
                Assert.True(findings.Count <= payload.LogEvents.Count);
                Assert.Equal(findings.Select(f => (f.Id, f.Cause, f.EventIds.Count)), RestoreDetector.Detect(filtered, catalog).Select(f => (f.Id, f.Cause, f.EventIds.Count)));
            }
            else
            {
                Assert.Single(batch.Rejected);
            }
        });
    }

    /// <summary>(position, operation, byte) triples: 0 flips a byte, 1 deletes it, 2 inserts one, 3 truncates.</summary>
    private static Gen<(int Position, int Operation, byte Value)[]> Mutations(int length) =>
        Gen.Select(Gen.Int[0, Math.Max(0, length - 1)], Gen.Int[0, 3], Gen.Byte).Array[1, 6];

    private static byte[] Apply(byte[] source, (int Position, int Operation, byte Value)[] mutations)
    {
        var bytes = new List<byte>(source);
        foreach (var (position, operation, value) in mutations)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = Math.Min(position, bytes.Count - 1);
            switch (operation)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, value); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private static void ForEach<T>(Gen<T> gen, uint stream, Action<T> assert)
    {
        var pcg = new PCG(stream, 20250508UL);
        for (var i = 0; i < Iterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"iteration {i} (PCG stream {stream}) failed: {e.Message}", e);
            }
        }
    }
}
