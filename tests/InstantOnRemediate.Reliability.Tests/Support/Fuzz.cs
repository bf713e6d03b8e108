using System.Globalization;
using CsCheck;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>
/// Property runs with a fixed seed (every run feeds the same inputs) and a modest count; FUZZ_ITERATIONS raises the
/// count and FUZZ_SEED changes the seed for longer runs on demand. A failure names the iteration and seed to replay.
/// </summary>
internal static class Fuzz
{
    public const ulong DefaultSeed = 20250508UL;

    public static int Iterations(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : defaultCount;

    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    public static async Task<int> ForEachAsync<T>(Gen<T> gen, uint stream, int defaultCount, Func<T, Task> property)
    {
        var pcg = new PCG(stream, Seed);
        var count = Iterations(defaultCount);
        for (var i = 0; i < count; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                await property(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"iteration {i} (FUZZ_SEED={Seed}, stream {stream}) failed: {e.Message}", e);
            }
        }

        return count;
    }

    public static int ForEach<T>(Gen<T> gen, uint stream, int defaultCount, Action<T> property) =>
        ForEachAsync(gen, stream, defaultCount, v =>
        {
            property(v);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary><see cref="HostileText"/> with every surrogate replaced by '?': valid UTF-16, so it can be encoded as UTF-8.</summary>
    public static Gen<string> WellFormedText(int maxLength) =>
        HostileText(maxLength).Select(t => string.Create(t.Length, t, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsSurrogate(s[i]) ? '?' : s[i];
            }
        }));

    /// <summary>One of <paramref name="values"/>.</summary>
    public static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>(position, operation, byte) edits: 0 replaces a byte, 1 deletes it, 2 inserts one, 3 truncates there.</summary>
    public static Gen<(int Position, int Operation, byte Value)[]> Mutations(int length) =>
        Gen.Select(Gen.Int[0, Math.Max(0, length - 1)], Gen.Int[0, 3], Gen.Byte).Array[1, 8];

    public static byte[] Apply(byte[] source, (int Position, int Operation, byte Value)[] mutations)
    {
        var bytes = new List<byte>(source);
        foreach (var (position, operation, value) in mutations)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = Math.Min(position, bytes.Count - 1);
            switch (operation)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, value); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Text with the characters that break parsers and shells: JSON and shell metacharacters, controls, surrogates, NUL.</summary>
    public static Gen<string> HostileText(int maxLength) =>
        Gen.OneOf(
            Gen.Char["{}[]\":,\\$`;|&<>'()\n\r\t\0 abcZ09.-_/"],
            Gen.Char,
            Gen.Char['\uD800', '\uDFFF'],
            Gen.Char['\u0000', '\u001F']).Array[0, maxLength].Select(chars => new string(chars));
}
