using System.Text.Json;
using InstantOnRemediate.Cli.Commands;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

public sealed class ClassifyCommandTests
{
    private static string Corpus(string prefix) => Directory.GetFiles(RepoPaths.CriuCorpus, prefix + "*.log").Single();

    [Fact]
    public async Task Run_JsonTwoFiles_OneContractObjectPerFile()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var files = new[] { Corpus("002-"), Corpus("023-") };

        var code = await CliApplication.RunAsync(["classify", "--json", .. files], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Equal("", stderr.ToString());
        var objects = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, objects.Count);
        foreach (var name in new[] { "file", "verdict", "cause", "remedy", "evidence", "benign", "kernel" })
        {
            Assert.All(objects, o => Assert.True(o.TryGetProperty(name, out _), name));
        }

        Assert.Equal((files[0], "restore-failure", "seccomp-clone3-ns-last-pid", "pod-spec"),
            (objects[0].GetProperty("file").GetString(), objects[0].GetProperty("verdict").GetString(), objects[0].GetProperty("cause").GetString(), objects[0].GetProperty("remedy").GetString()));
        Assert.Equal(JsonValueKind.Null, objects[0].GetProperty("kernel").ValueKind);
        Assert.Equal(2, objects[0].GetProperty("benign").GetArrayLength());
        Assert.Equal(("restore-success", "none", "none"), (objects[1].GetProperty("verdict").GetString(), objects[1].GetProperty("cause").GetString(), objects[1].GetProperty("remedy").GetString()));
    }

    [Fact]
    public async Task Run_Stdin_ClassifiesPipedLog()
    {
        var stdout = new StringWriter();
        using var stdin = new MemoryStream("Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault\nError (criu/cr-restore.c:2470): Restoring FAILED.\n"u8.ToArray());

        var code = await ClassifyCommand.RunAsync(["-", "--json"], stdout, new StringWriter(), stdin);

        Assert.Equal(0, code);
        var o = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal(("-", "rseq-criu-unaware"), (o.GetProperty("file").GetString(), o.GetProperty("cause").GetString()));
        Assert.Contains("restore-sigsegv", o.GetProperty("signals").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, o.GetProperty("input").GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task Run_HumanText_ShowsCauseFixAndBenign()
    {
        var stdout = new StringWriter();

        var code = await CliApplication.RunAsync(["classify", Corpus("001-")], stdout, new StringWriter());

        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.Contains("restore-failure - cause unknown (remedy: unknown)", text, StringComparison.Ordinal);
        Assert.Contains("fix:", text, StringComparison.Ordinal);
        Assert.Contains("benign (known harmless, not the cause):", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFile_Exit2WithOneLineReason()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(["classify", "/nonexistent/restore.log"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.Equal("instanton-remediate: cannot read /nonexistent/restore.log: no such file", stderr.ToString().TrimEnd());
    }

    [Fact]
    public async Task Run_NoFile_Exit2()
    {
        var stderr = new StringWriter();

        Assert.Equal(2, await CliApplication.RunAsync(["classify"], new StringWriter(), stderr));
        Assert.Equal("instanton-remediate: classify needs at least one FILE (or - for stdin)", stderr.ToString().TrimEnd());
    }

    [Fact]
    public async Task Run_Directory_Exit2SaysIsADirectory()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(["classify", RepoPaths.CriuCorpus], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.Equal($"instanton-remediate: cannot read {RepoPaths.CriuCorpus}: is a directory", stderr.ToString().TrimEnd());
    }

    [Fact]
    public async Task Run_GoodMissingAndGoodFile_PrintsBothGoodResultsAndExits2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (good, other) = (Corpus("002-"), Corpus("023-"));

        var code = await CliApplication.RunAsync(["classify", "--json", good, "/nonexistent/restore.log", other], stdout, stderr);

        Assert.Equal(2, code);
        var files = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString());
        Assert.Equal([good, other], files);
        Assert.Equal("instanton-remediate: cannot read /nonexistent/restore.log: no such file", stderr.ToString().TrimEnd());
    }

    [Fact]
    public async Task Run_HumanTextWithMissingFile_StillPrintsTheGoodFile()
    {
        var stdout = new StringWriter();

        var code = await CliApplication.RunAsync(["classify", Corpus("002-"), "/nonexistent/restore.log"], stdout, new StringWriter());

        Assert.Equal(2, code);
        Assert.Contains("restore-failure - cause seccomp-clone3-ns-last-pid", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyFile_VerdictNone()
    {
        using var temp = new TempFolder();
        var empty = temp.Write("empty.log", []);
        var stdout = new StringWriter();

        var code = await CliApplication.RunAsync(["classify", "--json", empty], stdout, new StringWriter());

        Assert.Equal(0, code);
        var o = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal(("none", "none", 0L), (o.GetProperty("verdict").GetString(), o.GetProperty("cause").GetString(), o.GetProperty("input").GetProperty("lines").GetInt64()));
    }

    [Fact]
    public async Task Run_InvalidUtf8_ClassifiedWithReplacementCharactersAndSaysSo()
    {
        using var temp = new TempFolder();
        var log = temp.Write("latin1.log", [.. "Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault\nWarn: caf"u8, 0xE9, .. "\nError (criu/cr-restore.c:2470): Restoring FAILED.\n"u8]);
        var json = new StringWriter();
        var text = new StringWriter();

        Assert.Equal(0, await CliApplication.RunAsync(["classify", "--json", log], json, new StringWriter()));
        Assert.Equal(0, await CliApplication.RunAsync(["classify", log], text, new StringWriter()));

        var o = JsonDocument.Parse(json.ToString()).RootElement;
        Assert.Equal("rseq-criu-unaware", o.GetProperty("cause").GetString());
        Assert.Equal(1, o.GetProperty("input").GetProperty("invalidUtf8Lines").GetInt64());
        Assert.Contains("input:  1 line not valid UTF-8 (invalid bytes read as U+FFFD)", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'E', 0, (byte)'\n', 0 }, "UTF-16 or UTF-32 text")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, (byte)'\n' }, "gzip-compressed")]
    public async Task Run_NotAUtf8TextLog_Exit2WithReason(byte[] content, string reason)
    {
        using var temp = new TempFolder();
        var log = temp.Write("restore.log", content);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(["classify", log], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith($"instanton-remediate: cannot read {log}: {reason}", stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task FilterPattern_PrintsShippedPattern()
    {
        var stdout = new StringWriter();

        var code = await CliApplication.RunAsync(["filter-pattern"], stdout, new StringWriter());

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "subscription-filter-pattern.txt")), stdout.ToString());
    }
}
