using System.Diagnostics;
using System.Text;

namespace InstantOnRemediate.Testing;

/// <summary>
/// A child process under test (the published <c>bootstrap</c>, the CLI): given environment, output captured
/// line by line, bounded waits, and killed with its children when disposed.
/// </summary>
public sealed class ProcessRunner : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Lock gate = new();

    private ProcessRunner(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string StandardOutput
    {
        get
        {
            lock (gate)
            {
                return stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (gate)
            {
                return stderr.ToString();
            }
        }
    }

    /// <param name="fileName">Executable.</param>
    /// <param name="arguments">Arguments, passed as a list (no shell).</param>
    /// <param name="environment">Variables set for the child on top of a minimal inherited set (PATH, HOME, TMPDIR, DOTNET_*).</param>
    /// <param name="workingDirectory">Working directory, or the current one.</param>
    public static ProcessRunner Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        var keep = start.Environment.Keys
            .Where(k => k is "PATH" or "HOME" or "TMPDIR" || k.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (!keep.Contains(key))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var runner = new ProcessRunner(process);
        process.OutputDataReceived += (_, e) => runner.Append(runner.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => runner.Append(runner.stderr, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{fileName} did not start");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Waits for the exit code, at most <paramref name="timeout"/> (then <see cref="TimeoutException"/>).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"process {process.Id} still running after {timeout.TotalSeconds:0.#} s; stderr: {StandardError}");
        }

        return process.ExitCode;
    }

    /// <summary>
    /// Stops the child (if still running) and waits until both output pipes are read to their end, so that
    /// <see cref="StandardOutput"/> holds every line the child wrote. Reading the captured text while the child
    /// runs races the asynchronous pipe reader: a line written before the child's next request may not be read yet.
    /// </summary>
    public async Task<string> StopAndReadOutputAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(timeout);
        return StandardOutput;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            target.Append(line).Append('\n');
        }
    }
}
