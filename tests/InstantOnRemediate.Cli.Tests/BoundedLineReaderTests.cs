using System.Text;
using InstantOnRemediate.Cli.Input;

namespace InstantOnRemediate.Cli.Tests;

public sealed class BoundedLineReaderTests
{
    private const int Cap = BoundedLineReader.MaxLineBytes;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1 << 20)]
    public void ReadLines_LfCrLfAndLastLineWithoutNewline_SplitAtAnyReadSize(int maxRead)
    {
        var (lines, counts) = Read(Encoding.UTF8.GetBytes("one\r\ntwo\n\nthree"), maxRead);

        Assert.Equal(["one", "two", "", "three"], lines);
        Assert.Equal(new LineCounts(4, 0, 0), counts);
    }

    [Fact]
    public void ReadLines_EmptyInput_NoLines()
    {
        var (lines, counts) = Read([]);

        Assert.Empty(lines);
        Assert.Equal(new LineCounts(0, 0, 0), counts);
    }

    [Fact]
    public void ReadLines_Utf8ByteOrderMark_IsSkipped()
    {
        var (lines, _) = Read([0xEF, 0xBB, 0xBF, .. "Error (criu/cr-restore.c:2470): Restoring FAILED.\n"u8]);

        Assert.Equal(["Error (criu/cr-restore.c:2470): Restoring FAILED."], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void ReadLines_LineOverCap_KeepsHeadAndCountsTheRest(int maxRead)
    {
        var log = Encoding.UTF8.GetBytes(new string('a', Cap + 34_464) + "\r\nnext\n");

        var (lines, counts) = Read(log, maxRead);

        Assert.Equal(new string('a', Cap) + "…[+34464 chars]", lines[0]);
        Assert.Equal("next", lines[1]);
        Assert.Equal(new LineCounts(2, 1, 0), counts);
    }

    [Fact]
    public void ReadLines_LineExactlyAtCapBeforeCrLf_IsNotCut()
    {
        var (lines, counts) = Read(Encoding.UTF8.GetBytes(new string('a', Cap) + "\r\n"));

        Assert.Equal(new string('a', Cap), Assert.Single(lines));
        Assert.Equal(0, counts.TruncatedLines);
    }

    [Fact]
    public void ReadLines_CutInsideACharacter_BacksOffToTheCharacterBoundary()
    {
        // 'a' then 40 000 two-byte characters: byte 65 536 is the first byte of the 32 768th 'é'.
        var (lines, counts) = Read(Encoding.UTF8.GetBytes("a" + new string('é', 40_000)));

        Assert.Equal("a" + new string('é', 32_767) + "…[+7233 chars]", Assert.Single(lines));
        Assert.Equal(new LineCounts(1, 1, 0), counts);
    }

    [Fact]
    public void ReadLines_SkippedCharactersOutsideTheBmp_CountAsTwo()
    {
        var (lines, _) = Read(Encoding.UTF8.GetBytes(new string('a', Cap) + "😀😀"));

        Assert.EndsWith("…[+4 chars]", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLines_InvalidUtf8_ReadAsReplacementAndCounted()
    {
        var (lines, counts) = Read([.. "ok\nbad "u8, 0xFF, 0xC3, .. "\nok\n"u8]);

        Assert.Equal(["ok", "bad \uFFFD\uFFFD", "ok"], lines);
        Assert.Equal(new LineCounts(3, 0, 1), counts);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'E', 0, (byte)'\n', 0 }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'E', 0, (byte)'\n' }, "UTF-16")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, (byte)'\n' }, "gzip-compressed")]
    public void ReadLines_NotAUtf8TextLog_IsRefusedWithAReason(byte[] log, string reason)
    {
        var e = Assert.Throws<UsageException>(() => Read(log));

        Assert.StartsWith("cannot read restore.log: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("é", 1)]
    [InlineData("€", 1)]
    [InlineData("😀", 2)]
    public void CountChars_CountsUtf16Characters(string text, long expected) =>
        Assert.Equal(expected, BoundedLineReader.CountChars(Encoding.UTF8.GetBytes(text)));

    private static (List<string> Lines, LineCounts Counts) Read(byte[] log, int maxRead = 1 << 20)
    {
        using var stream = new TrickleStream(log, maxRead);
        var reader = new BoundedLineReader(stream, "restore.log");
        var lines = reader.ReadLines().ToList();
        return (lines, reader.Counts);
    }
}
