using System.Text;
using System.Text.Unicode;

namespace InstantOnRemediate.Cli.Input;

/// <summary>
/// Reads a log as UTF-8 lines in bounded memory, whatever the line length: each line keeps at most its first
/// <see cref="MaxLineBytes"/> bytes (cut on a character boundary) and then ends in <see cref="LineCut.Marker"/>
/// with the number of characters skipped; the rest of the line is counted, never stored. A UTF-8 byte-order mark
/// is skipped and "\r\n" ends a line like "\n". Invalid UTF-8 is read as U+FFFD and counted per line. Input that
/// is clearly not a UTF-8 text log (UTF-16/UTF-32 by its byte-order mark, gzip) is refused with a reason.
/// </summary>
internal sealed class BoundedLineReader
{
    public const int MaxLineBytes = 64 * 1024;

    private const int ChunkBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly string what;
    private readonly byte[] line = new byte[MaxLineBytes];
    private int length;
    private long skippedChars;
    private byte lastSkipped;
    private long lines;
    private long truncatedLines;
    private long invalidUtf8Lines;

    /// <param name="stream">The log, read to its end.</param>
    /// <param name="what">How messages name the input (the path, or "stdin").</param>
    public BoundedLineReader(Stream stream, string what)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.what = what;
    }

    public LineCounts Counts => new(lines, truncatedLines, invalidUtf8Lines);

    /// <summary>The lines, read lazily; a refused input throws <see cref="UsageException"/> while reading the first one.</summary>
    public IEnumerable<string> ReadLines()
    {
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                Append(chunk.AsSpan(start, end - start));
                if (newline < 0)
                {
                    break;
                }

                yield return TakeLine();
                start = newline + 1;
            }
        }

        if (length > 0 || skippedChars > 0)
        {
            yield return TakeLine();
        }
    }

    /// <summary>UTF-16 characters in a run of UTF-8 bytes (a 4-byte sequence is a surrogate pair), without decoding.</summary>
    internal static long CountChars(ReadOnlySpan<byte> utf8)
    {
        long chars = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }

        return chars;
    }

    /// <summary>The length of <paramref name="head"/> without a character the cut split in two.</summary>
    private static int WholeCharacters(ReadOnlySpan<byte> head)
    {
        var lead = head.Length - 1;
        while (lead >= 0 && lead > head.Length - 4 && (head[lead] & 0xC0) == 0x80)
        {
            lead--;
        }

        if (lead < 0)
        {
            return head.Length;
        }

        var b = head[lead];
        var size = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        return lead + size > head.Length ? lead : head.Length;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var take = Math.Min(MaxLineBytes - length, bytes.Length);
        bytes[..take].CopyTo(line.AsSpan(length));
        length += take;
        if (take < bytes.Length)
        {
            skippedChars += CountChars(bytes[take..]);
            lastSkipped = bytes[^1];
        }
    }

    private string TakeLine()
    {
        ReadOnlySpan<byte> text = line.AsSpan(0, length);
        if (lines == 0)
        {
            text = SkipByteOrderMark(text);
        }

        lines++;

        // A "\r" before the "\n" ends the line, kept or skipped.
        var skipped = skippedChars > 0 && lastSkipped == '\r' ? skippedChars - 1 : skippedChars;
        if (skippedChars == 0 && text.EndsWith((byte)'\r'))
        {
            text = text[..^1];
        }

        if (skipped > 0)
        {
            truncatedLines++;
            var whole = WholeCharacters(text);
            skipped += CountChars(text[whole..]);
            text = text[..whole];
        }

        if (!Utf8.IsValid(text))
        {
            invalidUtf8Lines++;
        }

        var decoded = Encoding.UTF8.GetString(text);
        length = 0;
        skippedChars = 0;
        return skipped == 0 ? decoded : decoded + LineCut.Marker(skipped);
    }

    private ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> first)
    {
        if (first.StartsWith("\uFEFF"u8))
        {
            return first[3..];
        }

        if (first is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            throw InputFile.Unreadable(what, "UTF-16 or UTF-32 text (byte-order mark); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8");
        }

        return first is [0x1F, 0x8B, ..]
            ? throw InputFile.Unreadable(what, "gzip-compressed; decompress it first, e.g. gzip -dc FILE | instanton-remediate classify -")
            : first;
    }
}
