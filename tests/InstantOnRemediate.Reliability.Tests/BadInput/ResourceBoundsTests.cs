using System.Text.Json;
using InstantOnRemediate.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace InstantOnRemediate.Reliability.Tests.BadInput;

/// <summary>
/// What the worst deliveries cost in memory, through the detect entry point: bytes allocated by the whole process
/// while the invocation runs (the tests run alone), against bounds far below what the input would expand to.
/// </summary>
[Collection(ResourceBoundsCollection.Name)]
public sealed class ResourceBoundsTests(ITestOutputHelper output)
{
    private const long MiB = 1 << 20;

    [Theory]
    [InlineData("gzip-bomb-1GiB", 96)]
    [InlineData("huge-single-message", 48)]
    [InlineData("100k-tiny-events", 160)]
    [InlineData("envelope-over-limit", 24)]
    [InlineData("payload-deeply-nested", 24)]
    public async Task Detect_WorstDelivery_AllocatesWithinBound(string name, int boundMiB)
    {
        var payload = BadInputs.Named(name).Build();
        using var detect = Invocation.Detect();
        await detect.RunAsync(Batches.Envelope(BadInputs.Good));

        var (allocated, response) = await MeasureAsync(() => detect.RunAsync(payload));

        output.WriteLine($"{name}: input {payload.Length} bytes, allocated {allocated / (double)MiB:0.0} MiB (bound {boundMiB} MiB)");
        Assert.True(response.Succeeded, response.Error?.ErrorMessage);
        Assert.True(allocated < boundMiB * MiB, $"{name}: allocated {allocated} bytes, bound {boundMiB} MiB");
    }

    [Fact]
    public async Task Detect_GzipBomb_StopsAtTheDecompressionLimitNotAtOneGibibyte()
    {
        var payload = BadInputs.Named("gzip-bomb-1GiB").Build();
        using var detect = Invocation.Detect();

        var (allocated, result) = await MeasureAsync(() => detect.RunAsync(payload));

        var rejected = JsonDocument.Parse(result.Response!).RootElement.GetProperty("batch").GetProperty("rejected")[0];
        Assert.Equal("decompressed-too-large", rejected.GetProperty("reason").GetString());
        Assert.Contains("16777216", rejected.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(allocated < BadInputs.BombBytes / 8, $"allocated {allocated} bytes for a {BadInputs.BombBytes}-byte bomb");
    }

    private static async Task<(long Allocated, T Result)> MeasureAsync<T>(Func<Task<T>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await run();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        return (after - before, result);
    }
}
