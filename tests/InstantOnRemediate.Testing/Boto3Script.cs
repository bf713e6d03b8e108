using System.Diagnostics;

namespace InstantOnRemediate.Testing;

/// <summary>Runs a boto3 snippet against an emulator endpoint: seeds what our clients do not create, reads back what they wrote.</summary>
public static class Boto3Script
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static Task<string> RunAsync(Uri endpoint, string script) => RunAsync(endpoint, script, [], DefaultTimeout);

    /// <summary>Runs <paramref name="script"/> (boto3, json, time and sys imported) with <paramref name="arguments"/> in sys.argv[1:]; returns its trimmed stdout.</summary>
    public static async Task<string> RunAsync(Uri endpoint, string script, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("python3", ["-c", "import boto3, json, time, sys\n" + script, .. arguments])
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
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"boto3 script failed ({process.ExitCode}): {await stderr}");
        }

        return (await stdout).Trim();
    }
}
