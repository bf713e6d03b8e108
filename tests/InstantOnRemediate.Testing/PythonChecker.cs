using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace InstantOnRemediate.Testing;

/// <summary>
/// Runs one of the repository's Python checkers (scripts/*.py, on the image's python3) on a JSON input written to a
/// temporary file, and returns its stdout. Exit 0 (all valid) and 1 (some invalid) are answers; anything else, or
/// no answer within the timeout, is an error.
/// </summary>
public static class PythonChecker
{
    public static string Run(string script, JsonObject input, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = Path.Combine(Path.GetTempPath(), $"{Path.GetFileNameWithoutExtension(script)}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, input.ToJsonString(), new UTF8Encoding(false));
        try
        {
            var start = new ProcessStartInfo("python3", [Path.Combine(RepoPaths.Root, "scripts", script), path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{script} did not finish");
            }

            if (process.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"{script} exited {process.ExitCode}: {stderr.Result}");
            }

            return stdout.Result;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
