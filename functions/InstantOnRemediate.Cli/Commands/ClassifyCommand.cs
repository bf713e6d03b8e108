using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>classify FILE... [--json]</c> (<c>-</c> reads stdin): one result per file, streamed line by line so a large pod
/// log classifies in constant memory. Exit 2 on a missing or unreadable file, 1 on an internal failure.
/// </summary>
internal static class ClassifyCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => RunAsync(args, stdout, stderr, null);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin)
    {
        var parsed = CliArguments.Parse(args, [], ["--json"]);
        if (parsed.Positional.Count == 0)
        {
            throw new UsageException("classify needs at least one FILE (or - for stdin)");
        }

        foreach (var file in parsed.Positional.Where(f => f != "-"))
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"cannot read {file}: no such file");
            }
        }

        SignatureCatalog catalog;
        try
        {
            catalog = SignatureCatalog.LoadEmbedded();
        }
        catch (CatalogValidationException e)
        {
            await stderr.WriteLineAsync("instanton-remediate: internal error: " + e.Message).ConfigureAwait(false);
            return CliApplication.InternalFailure;
        }

        var json = parsed.Has("--json");
        foreach (var file in parsed.Positional)
        {
            ClassificationResult result;
            try
            {
                // Files and the process's stdin are read as bytes in bounded memory, whatever their line lengths.
                if (file != "-")
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                    result = RestoreDetector.ClassifyStream(stream, catalog);
                }
                else if (stdin is null)
                {
                    using var stream = Console.OpenStandardInput();
                    result = RestoreDetector.ClassifyStream(stream, catalog);
                }
                else
                {
                    result = RestoreDetector.ClassifyLines(ReadLines(stdin), catalog);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {file}: {OneLine(e.Message)}", e);
            }

            await stdout.WriteLineAsync(json ? ToJson(file, result) : ToText(file, result)).ConfigureAwait(false);
        }

        return CliApplication.Ok;
    }

    internal static string ToJson(string file, ClassificationResult r)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteString("verdict", r.Verdict);
            w.WriteString("cause", r.Cause);
            w.WriteString("remedy", r.Remedy);
            WriteArray(w, "evidence", r.Evidence);
            WriteArray(w, "benign", r.Benign);
            if (r.Kernel is null)
            {
                w.WriteNull("kernel");
            }
            else
            {
                w.WriteString("kernel", r.Kernel);
            }

            w.WriteString("explanation", r.Explanation);
            w.WriteString("fix", r.Fix);
            WriteArray(w, "signals", r.Signals);
            WriteArray(w, "matched", r.Matched);
            w.WriteNumber("episodes", r.Episodes);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string ToText(string file, ClassificationResult r)
    {
        var sb = new StringBuilder();
        sb.Append(file).Append(": ").Append(r.Verdict);
        if (r.Verdict is Verdicts.RestoreFailure or Verdicts.CheckpointFailure)
        {
            sb.Append(" - cause ").Append(r.Cause).Append(" (remedy: ").Append(r.Remedy).Append(')');
        }

        sb.AppendLine();
        if (r.Explanation is not null)
        {
            sb.Append("  why:    ").AppendLine(r.Explanation);
        }

        if (r.Fix is not null)
        {
            sb.Append("  fix:    ").AppendLine(r.Fix);
        }

        if (r.Kernel is not null)
        {
            sb.Append("  kernel: ").AppendLine(Printable(r.Kernel));
        }

        if (r.Signals.Count > 0)
        {
            sb.Append("  signals: ").AppendLine(string.Join(", ", r.Signals));
        }

        AppendLines(sb, "evidence:", r.Evidence);
        AppendLines(sb, "benign (known harmless, not the cause):", r.Benign);
        return sb.ToString().TrimEnd();
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void AppendLines(StringBuilder sb, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        sb.Append("  ").AppendLine(title);
        foreach (var line in lines)
        {
            sb.Append("    | ").AppendLine(Printable(line));
        }
    }

    /// <summary>Log text goes to a terminal: control characters (escape sequences) are shown as '?'.</summary>
    private static string Printable(string text) =>
        string.Create(text.Length, text, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) && s[i] != '\t' ? '?' : s[i];
            }
        });

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
