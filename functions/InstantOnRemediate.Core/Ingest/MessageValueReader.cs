using System.Buffers;
using System.Text.Json;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Takes event message values off the payload's <see cref="Utf8JsonReader"/>: <see cref="JsonStringScanner"/>
/// validates and unescapes the string into a reused buffer, and the reader resumes just after it. Everything else
/// in the document is still read, and validated, by the reader.
/// </summary>
/// <remarks>
/// The reader cannot be told to step over a value, but it can be resumed from a <see cref="JsonReaderState"/> on a
/// new span (the documented way to read a document in pieces). The state after a string value is the state after
/// the property name plus one string token, so it is taken from a throwaway reader that reads <c>""</c> from the
/// property name's state: depth, containers and options stay exactly what the payload made them.
/// </remarks>
internal ref struct MessageValueReader
{
    private readonly ReadOnlySpan<byte> json;
    private readonly char[] text;
    private readonly MessageFilter? filter;
    private int origin;

    /// <param name="json">The payload; the reader given to <see cref="TryRead"/> starts reading it at index 0.</param>
    /// <param name="maxRawBytes">The longest raw message the decoder accepts; longer ones are only validated.</param>
    /// <param name="filter">Which texts <see cref="Keep"/> makes strings of; null for all.</param>
    public MessageValueReader(ReadOnlySpan<byte> json, long maxRawBytes, MessageFilter? filter)
    {
        this.json = json;
        this.filter = filter;
        text = ArrayPool<char>.Shared.Rent((int)Math.Min(maxRawBytes, json.Length));
    }

    /// <summary>The text of the value <see cref="TryRead"/> read last (complete), as a string if the filter wants it.</summary>
    public readonly string? Keep(in ScannedString value)
    {
        var message = text.AsSpan(0, value.TextLength);
        return filter is null || filter(message) ? new string(message) : null;
    }

    /// <summary>
    /// The reader is on a property name. When its value is a string, reads it and leaves the reader on that string
    /// token, as if the reader had read it; otherwise leaves the reader where it is and returns false.
    /// </summary>
    /// <exception cref="JsonException">The value starts as a string but is not a valid one.</exception>
    public bool TryRead(ref Utf8JsonReader reader, out ScannedString value)
    {
        value = default;
        var at = origin + (int)reader.BytesConsumed;
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            at++;
        }

        if (at == json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        if (!JsonStringScanner.TryScan(json, at, text, out value))
        {
            throw new JsonException("An event message is not a valid JSON string (a raw control character, an unknown escape or no closing quote).");
        }

        var step = new Utf8JsonReader("\"\""u8, isFinalBlock: false, reader.CurrentState);
        step.Read();
        origin = value.End;
        reader = new Utf8JsonReader(json[origin..], isFinalBlock: true, step.CurrentState);
        return true;
    }

    public readonly void Dispose() => ArrayPool<char>.Shared.Return(text);
}
