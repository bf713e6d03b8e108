using System.Diagnostics;
using System.Text.Json.Nodes;

namespace InstantOnRemediate.Testing;

/// <summary>Runs one of the repository's scripts (scripts/*.py, on the image's python3) that prints a JSON object.</summary>
public static class RepoScript
{
    /// <exception cref="TimeoutException">The script did not finish within two minutes.</exception>
    /// <exception cref="InvalidOperationException">It exited with a status other than 0.</exception>
    public static JsonObject Json(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3", [Path.Combine(RepoPaths.Root, "scripts", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException($"{script} {string.Join(' ', arguments)} did not finish");
        }

        return process.ExitCode == 0
            ? JsonNode.Parse(stdout.Result)!.AsObject()
            : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
    }
}
