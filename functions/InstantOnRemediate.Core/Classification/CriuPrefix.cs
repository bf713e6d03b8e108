using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Reads the prefix of a CRIU log line without allocating:
/// <c>[prefix] [(ss.uuuuuu)] [pid:] [pie: pid:] Error|Warn (dir/file.c:NNN): message</c>. The one reader of that
/// shape; <see cref="CriuLine"/> is its result with the file as a string.
/// </summary>
internal static class CriuPrefix
{
    public static bool TryParse(ReadOnlySpan<char> line, out CriuLevel level, out int fileStart, out int fileLength, out bool fromRestorer, out int messageStart) =>
        TryParse(line, out level, out fileStart, out fileLength, out _, out fromRestorer, out messageStart);

    public static bool TryParse(ReadOnlySpan<char> line, out CriuLevel level, out int fileStart, out int fileLength, out int sourceLine, out bool fromRestorer, out int messageStart)
    {
        (fileStart, fileLength, sourceLine, fromRestorer, messageStart) = (0, 0, 0, false, 0);
        int at;
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
            level = default;
            return false;
        }

        var rest = line[at..];
        var colon = rest.IndexOf(':');
        if (colon <= 2 || !rest[..colon].EndsWith(".c", StringComparison.Ordinal) || rest[..colon].Contains(' '))
        {
            return false;
        }

        var close = rest.IndexOf("):", StringComparison.Ordinal);
        if (close <= colon + 1)
        {
            return false;
        }

        if (!int.TryParse(rest[(colon + 1)..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sourceLine))
        {
            return false;
        }

        fromRestorer = line[..at].Contains("pie: ", StringComparison.Ordinal);
        messageStart = at + close + 2;
        while (messageStart < line.Length && line[messageStart] == ' ')
        {
            messageStart++;
        }

        (fileStart, fileLength) = (at, colon);
        return true;
    }
}
