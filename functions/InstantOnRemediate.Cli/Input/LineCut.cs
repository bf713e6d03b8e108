using System.Globalization;

namespace InstantOnRemediate.Cli.Input;

/// <summary>
/// How long a log line may be where it is shown: evidence, benign lines and the kernel string are cut to their
/// first <see cref="MaxShownChars"/> characters followed by "…[+N chars]", N counting every character of the
/// original line left out (including what <see cref="BoundedLineReader"/> never kept).
/// </summary>
internal static class LineCut
{
    public const int MaxShownChars = 512;

    private const string MarkerStart = "…[+";
    private const string MarkerEnd = " chars]";

    /// <summary>The longest a shown line can be: the kept characters and the longest marker.</summary>
    public static int MaxShownLength { get; } = MaxShownChars + Marker(long.MaxValue).Length;

    /// <summary>The note that <paramref name="omitted"/> characters follow, e.g. "…[+1048576 chars]".</summary>
    public static string Marker(long omitted) => MarkerStart + omitted.ToString(CultureInfo.InvariantCulture) + MarkerEnd;

    /// <summary><paramref name="line"/> as it may be shown: unchanged when short enough, else its head and a marker.</summary>
    public static string Shown(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length <= MaxShownChars)
        {
            return line;
        }

        // A line the reader already cut ends with its marker: the count carries on from there.
        var (body, omitted) = SplitMarker(line);
        if (body.Length <= MaxShownChars)
        {
            return line;
        }

        var head = body.Span;
        var keep = char.IsHighSurrogate(head[MaxShownChars - 1]) ? MaxShownChars - 1 : MaxShownChars;
        return string.Concat(head[..keep], Marker(head.Length - keep + omitted));
    }

    private static (ReadOnlyMemory<char> Body, long Omitted) SplitMarker(string line)
    {
        if (line.EndsWith(MarkerEnd, StringComparison.Ordinal))
        {
            var start = line.LastIndexOf(MarkerStart, StringComparison.Ordinal);
            var digits = start < 0 ? default : line.AsSpan(start + MarkerStart.Length, line.Length - MarkerEnd.Length - start - MarkerStart.Length);
            if (start >= 0 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var omitted))
            {
                return (line.AsMemory(0, start), omitted);
            }
        }

        return (line.AsMemory(), 0);
    }
}
