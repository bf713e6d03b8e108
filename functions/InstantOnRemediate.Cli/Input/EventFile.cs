using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace InstantOnRemediate.Cli.Input;

/// <summary>
/// Reads the event for <c>invoke</c> and refuses, before any handler runs, what Lambda itself would never hand to
/// a function: an unreadable file, more than the 6 MB request limit, an empty file, bytes that are not UTF-8, text
/// that is not one JSON value. Each refusal is a <see cref="UsageException"/> naming the event and what is wrong
/// (for JSON, the line and byte). A leading UTF-8 byte-order mark is dropped. Whether the JSON has the shape the
/// handler needs is the handler's to say.
/// </summary>
internal static class EventFile
{
    /// <summary>The depth the handlers parse events to.</summary>
    private const int MaxDepth = 64;

    /// <param name="path">EVENT.json as given, or "-" for <paramref name="stdin"/>.</param>
    /// <param name="stdin">What "-" reads; null for the process's standard input.</param>
    /// <param name="maxBytes">The largest event accepted (Lambda's synchronous request limit).</param>
    public static async Task<byte[]> ReadAsync(string path, Stream? stdin, int maxBytes)
    {
        var what = path == "-" ? "event on stdin" : $"event '{path}'";
        byte[] payload;
        if (path == "-")
        {
            payload = await ReadAtMostAsync(stdin ?? Console.OpenStandardInput(), what, maxBytes).ConfigureAwait(false);
        }
        else
        {
            var file = InputFile.OpenRead(path, what);
            await using (file.ConfigureAwait(false))
            {
                payload = await ReadAtMostAsync(file, what, maxBytes).ConfigureAwait(false);
            }
        }

        return Check(payload, what);
    }

    /// <summary>The event bytes handed to the handler, or the reason they are not a JSON event.</summary>
    internal static byte[] Check(byte[] payload, string what)
    {
        var json = payload.AsSpan();
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new UsageException($"{what} is empty; expected a JSON object");
        }

        if (!Utf8.IsValid(json))
        {
            var at = FirstInvalidByte(json);
            throw new UsageException($"{what} is not UTF-8 text: invalid byte 0x{json[at]:X2} at offset {at + payload.Length - json.Length}");
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"{what} is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {Reason(e)}", e);
        }

        return json.Length == payload.Length ? payload : json.ToArray();
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length && Rune.DecodeFromUtf8(utf8[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, string what, int maxBytes)
    {
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            throw TooLarge(what, stream.Length.ToString(CultureInfo.InvariantCulture), maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw TooLarge(what, "more than " + maxBytes.ToString(CultureInfo.InvariantCulture), maxBytes);
            }
        }

        return buffer.ToArray();
    }

    private static UsageException TooLarge(string what, string size, int maxBytes) =>
        new($"{what} is {size} bytes, over Lambda's {maxBytes / (1024 * 1024)} MB request limit");

    /// <summary>The parser's message without its own position suffix (" LineNumber: 0 | BytePositionInLine: 82.").</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position < 0 ? message : message[..position]).Trim().TrimEnd('.');
    }
}
