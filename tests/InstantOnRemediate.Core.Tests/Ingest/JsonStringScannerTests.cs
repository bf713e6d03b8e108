using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Tests.Ingest;

/// <summary>
/// The scanner replaces Utf8JsonReader for event messages, so it must accept, reject and unescape exactly as the
/// reader and its <c>GetString</c> do: compared on generated strings rich in escapes, control bytes and bad UTF-8.
/// </summary>
public sealed class JsonStringScannerTests
{
    /// <summary>Pieces that exercise every branch: escapes valid and not, surrogates paired and lone, raw controls, bad UTF-8.</summary>
    private static readonly byte[][] Pieces = [.. new[]
    {
        "a", "CWWKE0964E", "é", "€", "😀", " ", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u0000",
        "\\uD83D\\uDE00", "\\ud83d\\ude00", "\\uD83D", "\\uDE00", "\\uD83Dx", "\\uD83D\\u0041", "\\u12", "\\u12G4", "\\x", "\\", "\"", "\t", "\n", "\u007f",
    }.Select(Encoding.UTF8.GetBytes)];

    private static readonly Gen<byte[]> Piece = Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Byte.Array[1, 3]);

    private static readonly Gen<byte[]> Body = Piece.Array[0, 12].Select(pieces => pieces.SelectMany(p => p).ToArray());

    [Fact]
    public void TryScan_GeneratedStrings_AgreesWithUtf8JsonReader()
    {
        var pcg = new PCG(7, 20250508UL);
        var text = new char[256];
        for (var i = 0; i < 20_000; i++)
        {
            var body = Body.Generate(pcg, null, out _);
            byte[] json = [(byte)' ', (byte)'"', .. body, (byte)'"', (byte)' '];

            var scanned = JsonStringScanner.TryScan(json, 1, text, out var value);

            var expected = Read(json);
            Assert.True(expected.Valid == scanned, $"{Convert.ToHexString(json)}: the reader says valid={expected.Valid}, the scanner {scanned}");
            if (!scanned)
            {
                continue;
            }

            Assert.Equal(expected.End, value.End);
            Assert.Equal(expected.Text, value.Text);
            if (value.Text == ScannedText.Complete)
            {
                Assert.Equal(expected.String, text.AsSpan(0, value.TextLength).ToString());
                Assert.Equal(expected.String!.Contains('\0', StringComparison.Ordinal), value.ContainsNul);
            }
        }
    }

    [Fact]
    public void TryScan_TextLongerThanBuffer_ValidatedNotKept()
    {
        var json = Encoding.UTF8.GetBytes("\"" + new string('x', 100) + "\\n\",1");

        Assert.True(JsonStringScanner.TryScan(json, 0, new char[10], out var value));

        Assert.Equal((104, 102, ScannedText.DoesNotFit), (value.End, value.RawLength, value.Text));
    }

    [Fact]
    public void TryScan_NoClosingQuote_Invalid()
    {
        Assert.False(JsonStringScanner.TryScan("\"abc\\\""u8, 0, new char[10], out _));
        Assert.False(JsonStringScanner.TryScan("\"abc\\u00"u8, 0, new char[10], out _));
    }

    /// <summary>What Utf8JsonReader makes of the document's first token: a valid string or not, where it ends, and its text.</summary>
    private static (bool Valid, int End, ScannedText Text, string? String) Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            var end = (int)reader.BytesConsumed;
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                return (true, end, ScannedText.InvalidUtf8, null);
            }

            try
            {
                return (true, end, ScannedText.Complete, reader.GetString());
            }
            catch (InvalidOperationException)
            {
                return (true, end, ScannedText.LoneSurrogate, null);
            }
        }
        catch (JsonException)
        {
            return (false, 0, default, null);
        }
    }
}
