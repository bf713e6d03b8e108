using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Feeds lines of text to an <see cref="EpisodeTracker"/> in order, reading them two at a time through the literal
/// automaton (<see cref="LiteralAutomaton.ScanPair(ReadOnlySpan{char}, Span{ulong}, ReadOnlySpan{char}, Span{ulong})"/>:
/// two independent table walks side by side, where one line alone leaves the CPU waiting on each table load).
/// A line waits for its partner; <see cref="Flush"/> feeds a waiting line alone. Lines stay in their strings.
/// </summary>
internal sealed class PairedLineFeeder(SignatureCatalog catalog, EpisodeTracker tracker, Action<RestoreEpisode> closed)
{
    private readonly LiteralAutomaton automaton = catalog.Matcher.Automaton;
    private readonly ulong[] seenA = new ulong[catalog.Matcher.Automaton.BitsetWords];
    private readonly ulong[] seenB = new ulong[catalog.Matcher.Automaton.BitsetWords];
    private string? pendingText;
    private int pendingStart;
    private int pendingLength;

    /// <summary>Feeds the non-empty lines of <paramref name="text"/> (the breaks <see cref="MemoryExtensions.EnumerateLines(ReadOnlySpan{char})"/> knows).</summary>
    public void AddLines(string text)
    {
        ref var origin = ref MemoryMarshal.GetReference(text.AsSpan());
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.IsEmpty)
            {
                Add(text, (int)(Unsafe.ByteOffset(ref origin, ref MemoryMarshal.GetReference(line)) / sizeof(char)), line.Length);
            }
        }
    }

    /// <summary>A line known to hold no literal: counted, after any waiting line.</summary>
    public void AddPlain()
    {
        Flush();
        tracker.AddPlain(0, null);
    }

    public void Flush()
    {
        if (pendingText is null)
        {
            return;
        }

        var line = pendingText.AsSpan(pendingStart, pendingLength);
        pendingText = null;
        Array.Clear(seenA);
        var state = 0;
        Feed(line, automaton.Scan(line, ref state, seenA), seenA);
    }

    private void Add(string text, int start, int length)
    {
        if (pendingText is null)
        {
            (pendingText, pendingStart, pendingLength) = (text, start, length);
            return;
        }

        var a = pendingText.AsSpan(pendingStart, pendingLength);
        var b = text.AsSpan(start, length);
        pendingText = null;
        Array.Clear(seenA);
        Array.Clear(seenB);
        var found = automaton.ScanPair(a, seenA, b, seenB);
        Feed(a, (found & 1) != 0, seenA);
        Feed(b, (found & 2) != 0, seenB);
    }

    private void Feed(ReadOnlySpan<char> line, bool any, ReadOnlySpan<ulong> seen)
    {
        if (!any)
        {
            tracker.AddPlain(0, null);
        }
        else if (tracker.FeedCandidates(line, seen, 0, null) is { } done)
        {
            closed(done);
        }
    }
}
