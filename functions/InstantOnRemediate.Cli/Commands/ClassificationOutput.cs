using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InstantOnRemediate.Cli.Input;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// One classified log as <c>classify</c> prints it: a JSON object (<c>--json</c>) or text for a person. Log lines
/// (evidence, benign, kernel) are cut by <see cref="LineCut"/>, so one enormous line cannot flood the output.
/// </summary>
internal static class ClassificationOutput
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(string file, ClassificationResult r, LineCounts counts)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(counts);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteString("verdict", r.Verdict);
            w.WriteString("cause", r.Cause);
            w.WriteString("remedy", r.Remedy);
            WriteLogLines(w, "evidence", r.Evidence);
            WriteLogLines(w, "benign", r.Benign);
            if (r.Kernel is null)
            {
                w.WriteNull("kernel");
            }
            else
            {
                w.WriteString("kernel", LineCut.Shown(r.Kernel));
            }

            w.WriteString("explanation", r.Explanation);
            w.WriteString("fix", r.Fix);
            WriteArray(w, "signals", r.Signals);
            WriteArray(w, "matched", r.Matched);
            w.WriteNumber("episodes", r.Episodes);
            w.WriteStartObject("input");
            w.WriteNumber("lines", counts.Lines);
            w.WriteNumber("truncatedLines", counts.TruncatedLines);
            w.WriteNumber("invalidUtf8Lines", counts.InvalidUtf8Lines);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToText(string file, ClassificationResult r, LineCounts counts)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(counts);
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
            sb.Append("  kernel: ").AppendLine(Printable(LineCut.Shown(r.Kernel)));
        }

        if (r.Signals.Count > 0)
        {
            sb.Append("  signals: ").AppendLine(string.Join(", ", r.Signals));
        }

        AppendInputNote(sb, counts);
        AppendLogLines(sb, "evidence:", r.Evidence);
        AppendLogLines(sb, "benign (known harmless, not the cause):", r.Benign);
        return sb.ToString().TrimEnd();
    }

    /// <summary>Says how the log was read when that was not plain: lines cut to the cap, invalid UTF-8 replaced.</summary>
    private static void AppendInputNote(StringBuilder sb, LineCounts counts)
    {
        var notes = new List<string>(2);
        if (counts.TruncatedLines > 0)
        {
            notes.Add($"{Lines(counts.TruncatedLines)} over {BoundedLineReader.MaxLineBytes / 1024} KiB read only to that length");
        }

        if (counts.InvalidUtf8Lines > 0)
        {
            notes.Add($"{Lines(counts.InvalidUtf8Lines)} not valid UTF-8 (invalid bytes read as U+FFFD)");
        }

        if (notes.Count > 0)
        {
            sb.Append("  input:  ").AppendLine(string.Join("; ", notes));
        }
    }

    private static string Lines(long n) => n == 1 ? "1 line" : $"{n} lines";

    private static void WriteLogLines(Utf8JsonWriter w, string name, IReadOnlyList<string> lines)
    {
        w.WriteStartArray(name);
        foreach (var line in lines)
        {
            w.WriteStringValue(LineCut.Shown(line));
        }

        w.WriteEndArray();
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

    private static void AppendLogLines(StringBuilder sb, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        sb.Append("  ").AppendLine(title);
        foreach (var line in lines)
        {
            sb.Append("    | ").AppendLine(Printable(LineCut.Shown(line)));
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
}
