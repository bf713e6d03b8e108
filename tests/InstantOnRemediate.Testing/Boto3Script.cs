using System.Diagnostics;


namespace InstantOnRemediate.Testing;

/// <summary>Runs a boto3 snippet against an emulator endpoint: seeds what our clients do not create, reads back what they wrote.</summary>
public static class Boto3Script
{
    public static async Task<string> RunAsync(Uri endpoint, string script)
    {
        var start = new ProcessStartInfo("python3", ["-c", "import boto3, json, time, sys\n" + script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in TestEnvironment.ChildEnvironment(endpoint))
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_DEFAULT_REGION"] = MotoServer.Region;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"boto3 script failed ({process.ExitCode}): {await stderr}");
        }

        return (await stdout).Trim();
    }
}
