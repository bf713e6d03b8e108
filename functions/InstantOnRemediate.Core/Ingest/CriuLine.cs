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
        if (!Classification.CriuPrefix.TryParse(line, out var level, out var fileStart, out var fileLength, out var sourceLine, out var fromRestorer, out var messageStart))
        {
            parsed = default;
            return false;
        }

        parsed = new CriuLine(level, line.Slice(fileStart, fileLength).ToString(), sourceLine, fromRestorer, messageStart);
        return true;
    }

    /// <summary>True for sources that only run while CRIU dumps (checkpoints) a process tree.</summary>
    public bool IsDumpSide => SourceFile.Contains("dump", StringComparison.Ordinal)
        || SourceFile.Contains("parasite-syscall", StringComparison.Ordinal)
        || SourceFile.Contains("infect", StringComparison.Ordinal);
}
