using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Classifies a log read as UTF-8 bytes in fixed-size chunks. The literal automaton reads the bytes directly, so a
/// line without any catalog literal is never decoded or allocated; a candidate line is decoded up to
/// <see cref="MaxLineChars"/> characters. Memory is bounded whatever the line length: a line longer than
/// <see cref="MaxHeldLineBytes"/> is scanned to its end for literals but only its head is kept.
/// </summary>
internal sealed class LogStreamClassifier
{
    /// <summary>Bytes read per chunk.</summary>
    internal const int ChunkBytes = 1 << 20;

    /// <summary>Chunks at least this long are scanned as two halves side by side.</summary>
    internal const int MinSplitBytes = 4096;

    /// <summary>At most this much of one line is held (a JSON record longer than this is read as plain text).</summary>
    internal const int MaxHeldLineBytes = 1 << 20;

    /// <summary>Characters of a candidate plain line handed to the matcher: regexes read 4096, evidence keeps 512.</summary>
    internal const int MaxLineChars = 16 * 1024;

    private readonly SignatureCatalog catalog;
    private readonly LiteralAutomaton automaton;
    private readonly EpisodeTracker tracker;
    private readonly ulong[] seen;
    private readonly MatchEvents eventsFirst = new();
    private readonly MatchEvents eventsSecond = new();
    private readonly byte[] held = new byte[MaxHeldLineBytes];
    private readonly char[] decoded = new char[MaxLineChars];
    private int heldLength;
    private bool heldTruncated;
    private int state;
    private bool hit;
    private readonly MostSignificantEpisode kept;

    public LogStreamClassifier(SignatureCatalog catalog)
    {
        this.catalog = catalog;
        automaton = catalog.Matcher.Automaton;
        tracker = new EpisodeTracker(catalog);
        kept = new MostSignificantEpisode(tracker);
        seen = new ulong[automaton.BitsetWords];
    }

    public ClassificationResult Classify(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            var first = true;
            while ((read = stream.Read(buffer, 0, ChunkBytes)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                if (first && chunk.StartsWith("\uFEFF"u8))
                {
                    chunk = chunk[3..];
                }

                first = false;
                Feed(chunk);
            }

            if (heldLength > 0 || hit || state != 0)
            {
                EndLine([]);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        kept.Consider(tracker.Finish());
        return kept.Result(catalog);
    }

    /// <summary>
    /// Scans a chunk: the automaton reads its two halves (split at a line break) side by side, recording where
    /// literals end, then the lines are taken in order, each with the literals that ended inside it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Feed(ReadOnlySpan<byte> chunk)
    {
        var split = chunk.Length;
        if (chunk.Length >= MinSplitBytes)
        {
            var nl = chunk[(chunk.Length / 2)..].IndexOf((byte)'\n');
            if (nl >= 0)
            {
                split = (chunk.Length / 2) + nl + 1;
            }
        }

        var first = chunk[..split];
        var second = chunk[split..];
        eventsFirst.Clear();
        eventsSecond.Clear();
        var stateFirst = state;
        var stateSecond = 0;
        automaton.ScanPair(first, ref stateFirst, eventsFirst, second, ref stateSecond, eventsSecond);
        Lines(first, eventsFirst);
        Lines(second, eventsSecond);

        // The state after the chunk's last byte: 0 after a line break, else the held line's.
        state = second.IsEmpty ? stateFirst : stateSecond;
    }

    /// <summary>Feeds the lines of a scanned piece: each line gets the literals whose events fall inside it.</summary>
    private void Lines(ReadOnlySpan<byte> piece, MatchEvents events)
    {
        var positions = events.Positions;
        var states = events.States;
        var e = 0;
        var offset = 0;
        while (offset < piece.Length)
        {
            var rest = piece[offset..];
            var nl = rest.IndexOf((byte)'\n');
            var end = nl < 0 ? piece.Length : offset + nl;
            for (; e < positions.Length && positions[e] < end; e++)
            {
                automaton.Mark(states[e], seen);
                hit = true;
            }

            if (nl < 0)
            {
                Hold(rest);
                return;
            }

            EndLine(rest[..nl]);
            offset = end + 1;
        }
    }

    /// <summary>Keeps the start of a line that continues in the next chunk (bounded).</summary>
    private void Hold(ReadOnlySpan<byte> piece)
    {
        var room = MaxHeldLineBytes - heldLength;
        if (piece.Length > room)
        {
            heldTruncated = true;
            piece = piece[..room];
        }

        piece.CopyTo(held.AsSpan(heldLength));
        heldLength += piece.Length;
    }

    private void EndLine(ReadOnlySpan<byte> tail)
    {
        ReadOnlySpan<byte> line;
        if (heldLength == 0)
        {
            line = tail;
        }
        else
        {
            Hold(tail);
            line = held.AsSpan(0, heldLength);
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (!line.IsEmpty)
        {
            Line(line, heldTruncated);
        }

        heldLength = 0;
        heldTruncated = false;
        state = 0;
        if (hit)
        {
            Array.Clear(seen);
            hit = false;
        }
    }

    private void Line(ReadOnlySpan<byte> line, bool truncated)
    {
        if (line[0] == (byte)'{' && !truncated)
        {
            // A JSON record (Docker json-file, Fluent Bit): escapes (\u, \/) could spell a literal, so it is decoded
            // whenever it holds a literal or an escape.
            if (!hit && (!catalog.Matcher.LiteralsSurviveJsonEscaping || (line.IndexOf("\\u"u8) < 0 && line.IndexOf("\\/"u8) < 0)))
            {
                tracker.AddPlain(0, null);
                return;
            }

            var text = LogRecordParser.Parse(Encoding.UTF8.GetString(line)).Text;
            var any = false;
            foreach (var part in text.AsSpan().EnumerateLines())
            {
                if (!part.IsEmpty)
                {
                    any = true;
                    if (tracker.Feed(part, 0, null) is { } done)
                    {
                        kept.Consider(done);
                    }
                }
            }

            if (!any)
            {
                tracker.AddPlain(0, null);
            }

            return;
        }

        if (!hit)
        {
            tracker.AddPlain(0, null);
            return;
        }

        // UTF-8 never decodes to more UTF-16 units than it has bytes: the line buffer (MaxLineChars) always fits.
        var bytes = line.Length <= MaxLineChars ? line : line[..MaxLineChars];
        var n = Encoding.UTF8.GetChars(bytes, decoded);
        if (tracker.FeedCandidates(decoded.AsSpan(0, n), seen, 0, null) is { } closed)
        {
            kept.Consider(closed);
        }
    }
}
