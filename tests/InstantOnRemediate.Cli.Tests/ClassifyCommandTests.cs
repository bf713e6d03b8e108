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
        using var stdin = new StringReader("Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault\nError (criu/cr-restore.c:2470): Restoring FAILED.\n");

        var code = await ClassifyCommand.RunAsync(["-", "--json"], stdout, new StringWriter(), stdin);

        Assert.Equal(0, code);
        var o = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal(("-", "rseq-criu-unaware"), (o.GetProperty("file").GetString(), o.GetProperty("cause").GetString()));
        Assert.Contains("restore-sigsegv", o.GetProperty("signals").EnumerateArray().Select(e => e.GetString()));
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
    public async Task Run_DirectoryOrNoFile_Exit2()
    {
        var stderr = new StringWriter();

        Assert.Equal(2, await CliApplication.RunAsync(["classify"], new StringWriter(), stderr));
        Assert.Equal(2, await CliApplication.RunAsync(["classify", RepoPaths.CriuCorpus], new StringWriter(), stderr));
        Assert.Equal(2, stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
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
