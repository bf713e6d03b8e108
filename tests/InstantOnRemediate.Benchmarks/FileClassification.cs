using System.Diagnostics;
using System.Globalization;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Benchmarks;

/// <summary>
/// The CLI classify path over a file: <see cref="RestoreDetector.ClassifyStream"/> (UTF-8 bytes, what the CLI uses
/// for files), or with <c>lines</c> <see cref="RestoreDetector.ClassifyLines"/> over File.ReadLines. Prints
/// throughput and the process's peak memory.
/// </summary>
internal static class FileClassification
{
    public static int Run(string path, bool byLines = false)
    {
        var load = Stopwatch.StartNew();
        var catalog = SignatureCatalog.LoadEmbedded();
        var loadMs = load.Elapsed.TotalMilliseconds;
        var lines = 0L;
        IEnumerable<string> Counted()
        {
            foreach (var line in File.ReadLines(path))
            {
                lines++;
                yield return line;
            }
        }

        var clock = Stopwatch.StartNew();
        ClassificationResult result;
        if (byLines)
        {
            result = RestoreDetector.ClassifyLines(Counted(), catalog);
        }
        else
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                result = RestoreDetector.ClassifyStream(file, catalog);
            }

            lines = CountLines(path);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var bytes = new FileInfo(path).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"classify-file ({(byLines ? "ClassifyLines" : "ClassifyStream")}): {lines} lines, {bytes / 1e6:F1} MB in {seconds:F2} s wall = {lines / seconds / 1e6:F2} M lines/s, {bytes / seconds / 1e6:F0} MB/s; process CPU {cpu:F2} s (start-up included) = {lines / cpu / 1e6:F2} M lines per CPU-second; verdict {result.Verdict} ({result.Cause}), {result.Episodes} episodes; peak RSS {PeakRssMb():F1} MB; catalog loaded in {loadMs:F0} ms (first use, JIT included)"));
        return 0;
    }

    /// <summary>Newline count, taken after the timed run (outside the clock for ClassifyStream, whose time includes it: it is cheap).</summary>
    private static long CountLines(string path)
    {
        var clock = Stopwatch.StartNew();
        var count = 0L;
        var buffer = new byte[1 << 20];
        using var file = File.OpenRead(path);
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        _ = clock;
        return count;
    }

    /// <summary>VmHWM of this process from /proc/self/status, in MB (NaN where /proc is missing).</summary>
    private static double PeakRssMb()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
