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
    private readonly byte[] asciiClass = new byte[128];
    private readonly int classes;
    private readonly int[] next;
    private readonly int[][] outputs;

    public LiteralAutomaton(IReadOnlyList<string> literals)
    {
        foreach (var literal in literals)
        {
            foreach (var c in literal)
            {
                if (c >= 128)
                {
                    throw new ArgumentException($"literal '{literal}' is not ASCII", nameof(literals));
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
            var t = Unsafe.Add(ref table, s + (c < 128 ? Unsafe.Add(ref cls, c) : 0));
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
            var t = Unsafe.Add(ref table, s + (b < 128 ? Unsafe.Add(ref cls, b) : 0));
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

    private void Mark(int premultiplied, Span<ulong> seen)
    {
        foreach (var id in outputs[premultiplied / classes])
        {
            seen[id >> 6] |= 1UL << (id & 63);
        }
    }
}
