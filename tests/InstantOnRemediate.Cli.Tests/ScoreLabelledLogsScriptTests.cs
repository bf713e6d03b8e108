using System.Text;
using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// scripts/score-labelled-logs.py, the tool that measures the classifier on a saved, labelled set of logs
/// (docs/fresh-evaluation.md): run with this build's CLI on a small set written here, its figures are the ones the
/// labels and the classifier's answers give, and bad input is refused with exit 2.
/// </summary>
public sealed class ScoreLabelledLogsScriptTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "score-labelled-logs.py");
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "instanton-remediate");

    [Fact]
    public async Task Score_SmallLabelledSet_CountsVerdictCauseRemedyAndNone()
    {
        using var folder = new TempFolder();
        var set = Directory.CreateDirectory(Path.Combine(folder.Path, "set")).FullName;
        // Right verdict and cause; right verdict, wrong cause but the same remedy class; a failure the classifier calls none; a check run.
        Write(set, "rseq", "restore-failure", "rseq-ptrace-unsupported", "(00.1) Error (criu/cr-restore.c:3151): rseq: can't restore as kernel doesn't support it");
        Write(set, "cg", "restore-failure", "lsm-profile", "Error (criu/cgroup.c:1999): cg: Unable to set up controller cpuset: Invalid argument", "Error (criu/cr-restore.c:2447): Restoring FAILED.");
        Write(set, "silent", "checkpoint-failure", "unknown", "$ sudo criu dump -t 42 -D img", "# hangs");
        Write(set, "check", "none", "none", "# criu check", "Looks good.");
        var json = Path.Combine(folder.Path, "out.json");

        var (exit, stdout, stderr) = await RunAsync("--cli", Cli, "--table", "--json", json, set);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("set: verdict 3/4 = 75.0 %; cause 1/3 = 33.3 %; remedy class 2/3; failures none 1; named cause found 1/2; unknown kept unknown 0/1", stdout, StringComparison.Ordinal);
        Assert.Contains("| cg |  | restore-failure / lsm-profile |  | restore-failure / cgroup |", stdout, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(["rseq-ptrace-unsupported", "cgroup", "none", "none"], results.RootElement.EnumerateArray().Select(r => r.GetProperty("result").GetProperty("cause").GetString()));
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"verdict\": \"failed\", \"cause\": \"unknown\"}", "verdict 'failed' is not one of")]
    [InlineData("{\"id\": \"a\", \"verdict\": \"restore-failure\", \"cause\": \"kernel-too-old\"}", "cause 'kernel-too-old' is not in the catalog")]
    [InlineData("{\"id\": \"missing\", \"verdict\": \"none\", \"cause\": \"none\"}", "does not exist")]
    [InlineData("{\"id\": \"a\",", "not JSON")]
    public async Task Score_BadLabel_Exit2NamingTheLine(string label, string message)
    {
        using var folder = new TempFolder();
        folder.Write("a.log", Encoding.UTF8.GetBytes("Looks good.\n"));
        folder.Write("labels.jsonl", Encoding.UTF8.GetBytes(label + "\n"));

        var (exit, _, stderr) = await RunAsync("--cli", Cli, folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("labels.jsonl:1: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static void Write(string set, string id, string verdict, string cause, params string[] lines)
    {
        File.WriteAllText(Path.Combine(set, id + ".log"), string.Join('\n', lines) + "\n");
        File.AppendAllText(Path.Combine(set, "labels.jsonl"), JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["verdict"] = verdict, ["cause"] = cause }) + "\n");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        using var process = ProcessRunner.Start("python3", [Script, .. arguments], new Dictionary<string, string>(StringComparer.Ordinal));
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        await process.StopAndReadOutputAsync(TimeSpan.FromSeconds(30));
        return (exit, process.StandardOutput, process.StandardError);
    }
}
