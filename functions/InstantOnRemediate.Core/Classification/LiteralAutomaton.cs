using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Every catalog literal compiled into one Aho-Corasick automaton with full (DFA) transitions, so a line is read
/// once, one table step per character, whatever the number of literals. The alphabet is the ASCII characters the
/// literals use (one class each) plus a class for everything else, so the same table reads UTF-16 text and UTF-8
/// bytes (literals are ASCII; a byte ≥ 0x80 or a non-ASCII char never continues a literal).
/// </summary>
/// <remarks>
/// Transitions hold the target state premultiplied by the class count, so a step is an add and a load; a target
/// with outputs is stored complemented (negative), which makes "did anything match" a sign test on the hot path.
/// State is passed by reference so a long line can be fed in pieces with bounded memory. The scan loops are
/// compiled fully optimised at once (a one-shot CLI run would otherwise spend much of a large file in tier-0 code).
/// </remarks>
internal sealed class LiteralAutomaton
{
    // 256 entries: a UTF-8 byte indexes it directly (bytes ≥ 0x80 are class 0), with no range test per step.
    private readonly byte[] asciiClass = new byte[256];
    private readonly int classes;
    private readonly int[] next;
    private readonly int[][] outputs;

    public LiteralAutomaton(IReadOnlyList<string> literals)
    {
        foreach (var literal in literals)
        {
            foreach (var c in literal)
            {
                if (c >= 128 || c is '\n' or '\r')
                {
                    throw new ArgumentException($"literal '{literal}' is not ASCII on one line", nameof(literals));
                }
            }
        }

        var used = literals.SelectMany(l => l).Distinct().Order().ToArray();
        for (var i = 0; i < used.Length; i++)
        {
            asciiClass[used[i]] = (byte)(i + 1);
        }

        classes = used.Length + 1;
        LiteralCount = literals.Count;

        // Trie.
        var goTo = new List<int[]> { NewRow() };
        var own = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var s = 0;
            foreach (var c in literals[id])
            {
                var k = asciiClass[c];
                if (goTo[s][k] < 0)
                {
                    goTo[s][k] = goTo.Count;
                    goTo.Add(NewRow());
                    own.Add([]);
                }

                s = goTo[s][k];
            }

            own[s].Add(id);
        }

        // Failure links breadth first; complete the transition function (DFA) and merge outputs along the way.
        var states = goTo.Count;
        var fail = new int[states];
        var merged = new List<int>[states];
        merged[0] = [.. own[0]];
        var queue = new Queue<int>();
        for (var k = 0; k < classes; k++)
        {
            if (goTo[0][k] < 0)
            {
                goTo[0][k] = 0;
            }
            else
            {
                fail[goTo[0][k]] = 0;
                queue.Enqueue(goTo[0][k]);
            }
        }

        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            merged[s] = [.. own[s], .. merged[fail[s]]];
            for (var k = 0; k < classes; k++)
            {
                var t = goTo[s][k];
                if (t < 0)
                {
                    goTo[s][k] = goTo[fail[s]][k];
                }
                else
                {
                    fail[t] = goTo[fail[s]][k];
                    queue.Enqueue(t);
                }
            }
        }

        next = new int[states * classes];
        outputs = new int[states][];
        for (var s = 0; s < states; s++)
        {
            outputs[s] = [.. merged[s].Distinct().Order()];
        }

        for (var s = 0; s < states; s++)
        {
            for (var k = 0; k < classes; k++)
            {
                var t = goTo[s][k];
                next[(s * classes) + k] = outputs[t].Length > 0 ? ~(t * classes) : t * classes;
            }
        }

        StateCount = states;

        int[] NewRow()
        {
            var row = new int[classes];
            Array.Fill(row, -1);
            return row;
        }
    }

    public int LiteralCount { get; }

    public int StateCount { get; }

    /// <summary>Words of a bitset with one bit per literal.</summary>
    public int BitsetWords => (LiteralCount + 63) >> 6;

    /// <summary>Reads <paramref name="text"/> from <paramref name="state"/> (0 at a line start); sets the bit of every literal that ends in it.</summary>
    /// <returns>True when at least one literal ended in this piece.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Scan(ReadOnlySpan<char> text, ref int state, Span<ulong> seen)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(next);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(asciiClass);
        var s = state;
        var any = false;
        foreach (var c in text)
        {
            var t = Unsafe.Add(ref table, s + Unsafe.Add(ref cls, c < 256 ? c : 0));
            if (t < 0)
            {
                t = ~t;
                Mark(t, seen);
                any = true;
            }

            s = t;
        }

        state = s;
        return any;
    }

    /// <inheritdoc cref="Scan(ReadOnlySpan{char}, ref int, Span{ulong})"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Scan(ReadOnlySpan<byte> text, ref int state, Span<ulong> seen)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(next);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(asciiClass);
        var s = state;
        var any = false;
        foreach (var b in text)
        {
            var t = Unsafe.Add(ref table, s + Unsafe.Add(ref cls, b));
            if (t < 0)
            {
                t = ~t;
                Mark(t, seen);
                any = true;
            }

            s = t;
        }

        state = s;
        return any;
    }

    /// <summary>
    /// Reads two independent pieces of text at once, one step of each per iteration (two dependency chains the CPU
    /// runs side by side, where one chain waits on each table load), and records where a literal ended: the
    /// position in its piece and the (complemented, premultiplied) state, for <see cref="Mark(int, Span{ulong})"/>.
    /// A character no literal uses (a line break among them) returns the automaton to its start, so a piece may span
    /// many lines: each line's matches are the events between its bounds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScanPair(ReadOnlySpan<byte> a, ref int stateA, MatchEvents eventsA, ReadOnlySpan<byte> b, ref int stateB, MatchEvents eventsB)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(next);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(asciiClass);
        var sa = stateA;
        var sb = stateB;
        var both = Math.Min(a.Length, b.Length);
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        for (var i = 0; i < both; i++)
        {
            var ta = Unsafe.Add(ref table, sa + Unsafe.Add(ref cls, Unsafe.Add(ref pa, i)));
            var tb = Unsafe.Add(ref table, sb + Unsafe.Add(ref cls, Unsafe.Add(ref pb, i)));
            if (ta < 0)
            {
                eventsA.Add(i, ta);
                ta = ~ta;
            }

            if (tb < 0)
            {
                eventsB.Add(i, tb);
                tb = ~tb;
            }

            sa = ta;
            sb = tb;
        }

        sa = ScanRest(a, both, sa, eventsA);
        sb = ScanRest(b, both, sb, eventsB);
        stateA = sa;
        stateB = sb;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScanRest(ReadOnlySpan<byte> text, int from, int s, MatchEvents events)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(next);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(asciiClass);
        for (var i = from; i < text.Length; i++)
        {
            var t = Unsafe.Add(ref table, s + Unsafe.Add(ref cls, text[i]));
            if (t < 0)
            {
                events.Add(i, t);
                t = ~t;
            }

            s = t;
        }

        return s;
    }

    /// <summary>
    /// Reads two lines at once (two independent table walks per iteration, as <see cref="ScanPair(ReadOnlySpan{byte}, ref int, MatchEvents, ReadOnlySpan{byte}, ref int, MatchEvents)"/>),
    /// each from the start state, setting the bits of the literals each holds.
    /// </summary>
    /// <returns>Bit 0: a literal ended in <paramref name="a"/>; bit 1: in <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ScanPair(ReadOnlySpan<char> a, Span<ulong> seenA, ReadOnlySpan<char> b, Span<ulong> seenB)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(next);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(asciiClass);
        int sa = 0, sb = 0, found = 0;
        var both = Math.Min(a.Length, b.Length);
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        for (var i = 0; i < both; i++)
        {
            var ca = Unsafe.Add(ref pa, i);
            var cb = Unsafe.Add(ref pb, i);
            var ta = Unsafe.Add(ref table, sa + Unsafe.Add(ref cls, ca < 256 ? ca : 0));
            var tb = Unsafe.Add(ref table, sb + Unsafe.Add(ref cls, cb < 256 ? cb : 0));
            if (ta < 0)
            {
                ta = ~ta;
                Mark(ta, seenA);
                found |= 1;
            }

            if (tb < 0)
            {
                tb = ~tb;
                Mark(tb, seenB);
                found |= 2;
            }

            sa = ta;
            sb = tb;
        }

        if (Scan(a[both..], ref sa, seenA))
        {
            found |= 1;
        }

        if (Scan(b[both..], ref sb, seenB))
        {
            found |= 2;
        }

        return found;
    }

    /// <summary>True when the text holds any literal (stops at the first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ReadOnlySpan<char> text)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(next);
        ref var cls = ref MemoryMarshal.GetArrayDataReference(asciiClass);
        var s = 0;
        foreach (var c in text)
        {
            s = Unsafe.Add(ref table, s + (c < 128 ? Unsafe.Add(ref cls, c) : 0));
            if (s < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets the bit of every literal that ends in the state (premultiplied; complemented when negative).</summary>
    public void Mark(int premultiplied, Span<ulong> seen)
    {
        if (premultiplied < 0)
        {
            premultiplied = ~premultiplied;
        }

        foreach (var id in outputs[premultiplied / classes])
        {
            seen[id >> 6] |= 1UL << (id & 63);
        }
    }
}

/// <summary>Where literals ended in a piece of text (<see cref="LiteralAutomaton.ScanPair"/>): positions and states, in order; reused.</summary>
internal sealed class MatchEvents
{
    private int[] positions = new int[1024];
    private int[] states = new int[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Positions => positions.AsSpan(0, Count);

    public ReadOnlySpan<int> States => states.AsSpan(0, Count);

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int position, int state)
    {
        if (Count == positions.Length)
        {
            // At most one event per byte of a chunk: bounded by the chunk size.
            Array.Resize(ref positions, Count * 2);
            Array.Resize(ref states, Count * 2);
        }

        positions[Count] = position;
        states[Count] = state;
        Count++;
    }
}
