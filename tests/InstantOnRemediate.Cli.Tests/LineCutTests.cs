using InstantOnRemediate.Cli.Input;

namespace InstantOnRemediate.Cli.Tests;

public sealed class LineCutTests
{
    [Fact]
    public void Shown_ShortLine_Unchanged()
    {
        var line = new string('x', LineCut.MaxShownChars);

        Assert.Same(line, LineCut.Shown(line));
    }

    [Fact]
    public void Shown_LongLine_KeepsHeadAndSaysHowMuchIsLeftOut()
    {
        var shown = LineCut.Shown("Error (criu/cr-restore.c:2470): " + new string('x', 1000));

        Assert.Equal("Error (criu/cr-restore.c:2470): " + new string('x', LineCut.MaxShownChars - 32) + "…[+520 chars]", shown);
    }

    [Fact]
    public void Shown_LineTheReaderCut_CountsWhatTheReaderSkippedToo()
    {
        var shown = LineCut.Shown(new string('x', 1000) + LineCut.Marker(5_000));

        Assert.Equal(new string('x', LineCut.MaxShownChars) + "…[+5488 chars]", shown);
    }

    [Fact]
    public void Shown_NeverSplitsASurrogatePair()
    {
        var shown = LineCut.Shown(new string('x', LineCut.MaxShownChars - 1) + string.Concat(Enumerable.Repeat("😀", 10)));

        Assert.Equal(new string('x', LineCut.MaxShownChars - 1) + "…[+20 chars]", shown);
    }

    [Fact]
    public void Shown_IsNeverLongerThanTheBound()
    {
        var shown = LineCut.Shown(new string('x', 100_000) + LineCut.Marker(long.MaxValue - 200_000));

        Assert.True(shown.Length <= LineCut.MaxShownLength, $"{shown.Length} > {LineCut.MaxShownLength}");
    }
}
