using System.Buffers;
using System.Text.Unicode;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Validates and unescapes one JSON string value straight from UTF-8 bytes, in one pass, into a caller's char
/// buffer. It accepts exactly what <see cref="System.Text.Json.Utf8JsonReader"/> accepts (RFC 8259 §7: no raw
/// control character; escapes <c>\" \\ \/ \b \f \n \r \t</c> and <c>\u</c> with four hex digits; bytes from 0x80 up
/// are left to the UTF-8 check, as the reader leaves them to <c>GetString</c>) and unescapes as <c>GetString</c>
/// does, reporting invalid UTF-8 and lone surrogates instead of throwing.
/// </summary>
/// <remarks>
/// Event messages are most of a payload, and being JSON records themselves they are dense with escapes: the reader
/// validates such a string one byte at a time and <c>GetString</c> then walks it again into a new string. Here the
/// runs between escapes are found with a vectorised search and the text is written in the same pass, into a buffer
/// the caller reuses.
/// </remarks>
internal static class JsonStringScanner
{
    /// <summary>Runs up to this length are widened in a plain loop: most runs inside an escaped record are a few bytes.</summary>
    private const int ShortRun = 24;

    private static readonly SearchValues<byte> QuoteBackslashOrControl =
        SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    /// <param name="json">The document.</param>
    /// <param name="quote">Index of the value's opening quote.</param>
    /// <param name="text">
    /// Receives the text. A caller that rejects raw values longer than some limit gives a buffer at least that long:
    /// the text never has more characters than the raw value has bytes, so it then always fits.
    /// </param>
    /// <param name="scanned">Where the value ends and what its text is.</param>
    /// <returns>false when the bytes from <paramref name="quote"/> on are not a valid JSON string: the document is invalid.</returns>
    public static bool TryScan(ReadOnlySpan<byte> json, int quote, Span<char> text, out ScannedString scanned)
    {
        scanned = default;
        var state = ScannedText.Complete;
        var written = 0;
        var containsNul = false;
        var i = quote + 1;
        while (true)
        {
            var run = json[i..].IndexOfAny(QuoteBackslashOrControl);
            if (run < 0)
            {
                return false;
            }

            if (run > 0)
            {
                state = Append(json.Slice(i, run), text, ref written, state);
                i += run;
            }

            if (json[i] == (byte)'"')
            {
                break;
            }

            if (json[i] != (byte)'\\' || i + 1 == json.Length)
            {
                return false;
            }

            if (json[i + 1] != (byte)'u')
            {
                if (Unescaped(json[i + 1]) is not { } c)
                {
                    return false;
                }

                state = Put(c, text, ref written, state);
                i += 2;
                continue;
            }

            if (!TryReadHex(json, i + 2, out var unit))
            {
                return false;
            }

            i += 6;
            containsNul |= unit == '\0';
            if (!char.IsSurrogate(unit))
            {
                state = Put(unit, text, ref written, state);
            }
            else if (char.IsHighSurrogate(unit) && i + 1 < json.Length && json[i] == (byte)'\\' && json[i + 1] == (byte)'u'
                && TryReadHex(json, i + 2, out var low) && char.IsLowSurrogate(low))
            {
                state = Put(low, text, ref written, Put(unit, text, ref written, state));
                i += 6;
            }
            else if (state == ScannedText.Complete)
            {
                // Keep validating: invalid UTF-8 later in the value is reported first, as the decoder always did.
                state = ScannedText.LoneSurrogate;
            }
        }

        scanned = new ScannedString(i + 1, i - quote - 1, written, state, containsNul);
        return true;
    }

    private static ScannedText Append(ReadOnlySpan<byte> run, Span<char> text, ref int written, ScannedText state)
    {
        if (state == ScannedText.LoneSurrogate)
        {
            return Utf8.IsValid(run) ? state : ScannedText.InvalidUtf8;
        }

        if (state != ScannedText.Complete)
        {
            return state;
        }

        var free = text[written..];
        if (run.Length <= ShortRun && run.Length <= free.Length)
        {
            var j = 0;
            for (; j < run.Length && run[j] < 0x80; j++)
            {
                free[j] = (char)run[j];
            }

            if (j == run.Length)
            {
                written += j;
                return state;
            }
        }

        var status = Utf8.ToUtf16(run, free, out _, out var chars, replaceInvalidSequences: false);
        written += chars;
        return status switch
        {
            OperationStatus.Done => state,
            OperationStatus.DestinationTooSmall => ScannedText.DoesNotFit,
            _ => ScannedText.InvalidUtf8,
        };
    }

    private static ScannedText Put(char c, Span<char> text, ref int written, ScannedText state)
    {
        if (state != ScannedText.Complete)
        {
            return state;
        }

        if (written == text.Length)
        {
            return ScannedText.DoesNotFit;
        }

        text[written++] = c;
        return state;
    }

    private static char? Unescaped(byte escape) => escape switch
    {
        (byte)'"' => '"',
        (byte)'\\' => '\\',
        (byte)'/' => '/',
        (byte)'b' => '\b',
        (byte)'f' => '\f',
        (byte)'n' => '\n',
        (byte)'r' => '\r',
        (byte)'t' => '\t',
        _ => null,
    };

    private static bool TryReadHex(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 4 > json.Length)
        {
            return false;
        }

        var value = 0;
        foreach (var b in json.Slice(at, 4))
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }

            value = (value << 4) | (b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
        }

        unit = (char)value;
        return true;
    }
}
