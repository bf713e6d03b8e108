using System.Text.Json;
using InstantOnRemediate.Reliability.Tests.Support;
using InstantOnRemediate.Testing;
using Xunit.Abstractions;

namespace InstantOnRemediate.Reliability.Tests.BadInput;

/// <summary>
/// A representative subset of <see cref="BadInputs"/> through the published native binary, one process serving them
/// all in a row: each answered with its reason, the process keeps serving, and its peak resident memory stays bounded.
/// </summary>
public sealed class BootstrapBadInputTests(ITestOutputHelper output)
{
    private const long PeakBound = 256L << 20;

    private static readonly string[] Subset =
    [
        "invalid-json", "missing-awslogs", "invalid-utf8-envelope", "deeply-nested-event", "invalid-base64", "not-gzip", "truncated-gzip",
        "gzip-bomb-1GiB", "envelope-over-limit", "unknown-message-type", "huge-single-message", "100k-tiny-events", "invalid-utf8-message",
        "nul-byte-message", "message-wrong-type", "duplicate-event-id",
    ];

    [PublishedBootstrapFact]
    public async Task Bootstrap_BadDeliveriesInARow_EachAnsweredWithItsReasonMemoryBounded()
    {
        using var api = FakeRuntimeApi.Start();
        var state = Scratch.Directory("reliability-bootstrap-");
        using var process = Bootstrap.Start(api, "detect", new Dictionary<string, string>
        {
            ["MODE"] = "enforce", ["USE_AWS"] = "false", ["STATE_DIRECTORY"] = state, ["NOW"] = "2025-05-08T10:45:00Z",
        });
        var ids = Subset.Select(name => (Case: BadInputs.Named(name), Id: api.Enqueue(BadInputs.Named(name).Build()))).ToList();
        var good = api.Enqueue(Batches.Envelope(BadInputs.Good));

        foreach (var (bad, id) in ids)
        {
            var post = await api.WaitForResultAsync(id, TimeSpan.FromSeconds(60));
            switch (bad.Answer)
            {
                case Answer.InvalidRequest:
                    Assert.Equal(RecordedPost.Error, post.Kind);
                    Assert.Equal("InvalidRequest", post.Json.GetProperty("errorType").GetString());
                    Assert.Contains(bad.Expected, post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
                    break;
                case Answer.BatchRejected:
                    Assert.Equal(RecordedPost.Response, post.Kind);
                    Assert.Equal(bad.Expected, Assert.Single(post.Json.GetProperty("batch").GetProperty("rejected").EnumerateArray()).GetProperty("reason").GetString());
                    break;
                default:
                    Assert.Equal(RecordedPost.Response, post.Kind);
                    Assert.Contains(post.Json.GetProperty("batch").GetProperty("rejected").EnumerateArray(), r => r.GetProperty("reason").GetString() == bad.Expected);
                    Assert.Equal("restore-failure", Assert.Single(post.Json.GetProperty("findings").EnumerateArray()).GetProperty("verdict").GetString());
                    break;
            }
        }

        var last = await api.WaitForResultAsync(good);
        Assert.Equal(RecordedPost.Response, last.Kind);
        Assert.Single(last.Json.GetProperty("findings").EnumerateArray());
        Assert.False(process.HasExited, "bootstrap stopped serving: " + process.StandardError);
        var peak = Bootstrap.PeakResidentBytes(process.Id);
        output.WriteLine($"{Subset.Length} bad deliveries + 1 good: peak resident set {peak / (double)(1 << 20):0.0} MiB");
        Assert.True(peak < PeakBound, $"peak resident set {peak} bytes");
        Directory.Delete(state, recursive: true);
    }
}
