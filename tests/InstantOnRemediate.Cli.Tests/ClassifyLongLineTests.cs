using System.Globalization;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Cli.Commands;
using InstantOnRemediate.Cli.Input;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// A 50 MB log that is one single line (a restore failure marker followed by 50 MiB of junk): classify must read it
/// in bounded memory and show the line cut, with the true count of what it left out.
/// </summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class ClassifyLongLineTests : IDisposable
{
    private const string Marker = "Error (criu/cr-restore.c:2470): Restoring FAILED. ";
    private const int JunkBytes = 50 * 1024 * 1024;

    /// <summary>What one classify of the 50 MB line may allocate in all: the old reader allocated over 850 MB.</summary>
    private const long AllocationBound = 16 * 1024 * 1024;

    private readonly TempFolder temp = new();
    private readonly string log;

    public ClassifyLongLineTests()
    {
        log = Path.Combine(temp.Path, "one-line.log");
        using var file = File.Create(log);
        file.Write(Encoding.ASCII.GetBytes(Marker));
        var junk = new byte[1024 * 1024];
        Array.Fill(junk, (byte)'x');
        for (var i = 0; i < JunkBytes / junk.Length; i++)
        {
            file.Write(junk);
        }
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Json_50MbSingleLine_AllocatesBoundedAndCutsTheEvidence()
    {
        // Warm up (JIT, the embedded catalog) so the measurement is the read of the log.
        await ClassifyCommand.RunAsync([Directory.GetFiles(RepoPaths.CriuCorpus, "002-*.log").Single()], new StringWriter(), new StringWriter(), null);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var code = await ClassifyCommand.RunAsync(["--json", log], stdout, stderr, null);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(0, code);
        Assert.Equal("", stderr.ToString());
        Assert.True(allocated < AllocationBound, $"classify allocated {allocated:N0} bytes for a 50 MB line (bound {AllocationBound:N0})");
        var o = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal("restore-failure", o.GetProperty("verdict").GetString());
        var evidence = o.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.All(evidence, e => Assert.True(e.Length <= LineCut.MaxShownLength, $"evidence line of {e.Length} characters"));
        // The classifier keeps at most EvidenceText.MaxChars of an evidence line and marks the cut; the CLI's own cut
        // (LineCut) is the bound for anything longer that reaches the output.
        Assert.Contains(evidence, e => e.StartsWith(Marker + "xxxx", StringComparison.Ordinal) && (e.EndsWith('…') || e.EndsWith(" chars]", StringComparison.Ordinal)));
        Assert.Equal(1, o.GetProperty("input").GetProperty("truncatedLines").GetInt64());
        Assert.True(stdout.ToString().Length < 8 * 1024, $"{stdout.ToString().Length} characters of output");
    }

    [Fact]
    public async Task Text_50MbSingleLine_EveryPrintedLineIsBounded()
    {
        var stdout = new StringWriter();

        var code = await ClassifyCommand.RunAsync([log], stdout, new StringWriter(), null);

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("    | " + Marker, StringComparison.Ordinal));
        Assert.Contains("  input:  1 line over 64 KiB read only to that length", lines);
        Assert.All(lines.Where(l => l.StartsWith("    | ", StringComparison.Ordinal)), l => Assert.True(l.Length <= 6 + LineCut.MaxShownLength, $"{l.Length} characters"));
    }
}
