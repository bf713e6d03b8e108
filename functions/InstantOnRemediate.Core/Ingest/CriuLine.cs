namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// The shape of a CRIU log line, with or without the <c>(00.123456)</c> timestamp, a pid column, the restorer's
/// <c>pie: &lt;pid&gt;:</c> prefix, or a CI prefix in front:
/// <c>[prefix] [(ss.uuuuuu)] [pid:] [pie: pid:] Error|Warn (criu/file.c:NNN): message</c>.
/// </summary>
public readonly record struct CriuLine(CriuLevel Level, string SourceFile, int SourceLine, bool FromRestorer, int MessageStart)
{
    public static bool TryParse(ReadOnlySpan<char> line, out CriuLine parsed)
    {
        parsed = default;
        int at;
        CriuLevel level;
        if ((at = line.IndexOf("Error (", StringComparison.Ordinal)) >= 0)
        {
            level = CriuLevel.Error;
            at += "Error (".Length;
        }
        else if ((at = line.IndexOf("Warn ", StringComparison.Ordinal)) >= 0)
        {
            level = CriuLevel.Warn;
            at += "Warn ".Length;
            while (at < line.Length && line[at] == ' ')
            {
                at++;
            }

            if (at >= line.Length || line[at] != '(')
            {
                return false;
            }

            at++;
        }
        else
        {
            return false;
        }

        // file.c:NNN):
        var rest = line[at..];
        var colon = rest.IndexOf(':');
        if (colon <= 2 || !rest[..colon].EndsWith(".c", StringComparison.Ordinal) || rest[..colon].Contains(' '))
        {
            return false;
        }

        var close = rest.IndexOf("):", StringComparison.Ordinal);
        if (close <= colon + 1 || !int.TryParse(rest[(colon + 1)..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var fromRestorer = line[..at].Contains("pie: ", StringComparison.Ordinal);
        var messageStart = at + close + 2;
        while (messageStart < line.Length && line[messageStart] == ' ')
        {
            messageStart++;
        }

        parsed = new CriuLine(level, rest[..colon].ToString(), number, fromRestorer, messageStart);
        return true;
    }

    /// <summary>True for sources that only run while CRIU dumps (checkpoints) a process tree.</summary>
    public bool IsDumpSide => SourceFile.Contains("dump", StringComparison.Ordinal)
        || SourceFile.Contains("parasite-syscall", StringComparison.Ordinal)
        || SourceFile.Contains("infect", StringComparison.Ordinal);
}
