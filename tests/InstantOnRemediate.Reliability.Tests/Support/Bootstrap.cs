using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>The published native <c>bootstrap</c> as a real process against the loopback Runtime API.</summary>
internal static class Bootstrap
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");

    public static ProcessRunner Start(FakeRuntimeApi api, string handler, IReadOnlyDictionary<string, string> extra)
    {
        var environment = TestEnvironment.ChildEnvironment();
        environment["_HANDLER"] = handler;
        environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        environment["LAMBDA_TASK_ROOT"] = System.IO.Path.GetDirectoryName(Path)!;
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return ProcessRunner.Start(Path, [], environment);
    }

    /// <summary>Peak resident set (VmHWM) of a running process, in bytes, from /proc.</summary>
    public static long PeakResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("no VmHWM in /proc/" + pid + "/status");
    }
}

/// <summary>A fact about the published native binary; skipped, saying how to build it, when it is not there.</summary>
public sealed class PublishedBootstrapFactAttribute : FactAttribute
{
    public PublishedBootstrapFactAttribute()
    {
        if (!File.Exists(Bootstrap.Path))
        {
            Skip = $"{Bootstrap.Path} is not built: run 'make publish' (make test publishes before testing)";
        }
    }
}
