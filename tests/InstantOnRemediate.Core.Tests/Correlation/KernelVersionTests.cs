using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Tests.Correlation;

public sealed class KernelVersionTests
{
    [Theory]
    [InlineData("5.10.226-214.880.amzn2.x86_64", 5, 10, 226, "amzn2")]
    [InlineData("6.1.115-126.197.amzn2023.x86_64", 6, 1, 115, "amzn2023")]
    [InlineData("5.14.0-570.78.1.el9_6.ppc64le", 5, 14, 0, "el9")]
    [InlineData("4.18.0-553.el8_10.x86_64", 4, 18, 0, "el8")]
    [InlineData("6.8.0-1041-aws", 6, 8, 0, "ubuntu-aws")]
    [InlineData("5.15.0-1026-aws", 5, 15, 0, "ubuntu-aws")]
    [InlineData("5.15.0-58-generic", 5, 15, 0, "ubuntu")]
    [InlineData("6.1.128", 6, 1, 128, "")]
    [InlineData(" 6.12.94-123.180.amzn2023.aarch64 ", 6, 12, 94, "amzn2023")]
    public void TryParse_RealKernelRelease_ReadsVersionAndDistro(string text, int major, int minor, int patch, string distro)
    {
        Assert.True(KernelVersion.TryParse(text, out var v));
        Assert.Equal((major, minor, patch, distro), (v.Major, v.Minor, v.Patch!.Value, v.Distro));
        Assert.Equal($"{major}.{minor}", v.Series);
        Assert.Equal(text.Trim(), v.Raw);
    }

    [Fact]
    public void TryParse_BareSeries_HasNoPatchAndComparesAsFirstRelease()
    {
        var series = KernelVersion.Parse("5.10");
        Assert.Null(series.Patch);
        Assert.Equal(KernelDistros.None, series.Distro);
        Assert.True(KernelVersion.Parse("5.10.0").IsAtLeast(series));
        Assert.False(series.IsAtLeast(KernelVersion.Parse("5.13")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("five.ten")]
    [InlineData("5")]
    [InlineData("5.10.226 ; rm -rf /")]
    [InlineData("Linux version 5.10")]
    public void TryParse_NotAKernelRelease_ReturnsFalse(string? text)
    {
        Assert.False(KernelVersion.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_OrdersByMajorMinorPatchNotText()
    {
        var ordered = new[] { "6.1.2", "5.10.226-214.880.amzn2.x86_64", "5.9", "5.13.0", "6.12", "5.4.265-176.364.amzn2" }
            .Select(KernelVersion.Parse).Order().Select(v => v.Series).ToArray();
        Assert.Equal(["5.4", "5.9", "5.10", "5.13", "6.1", "6.12"], ordered);
        Assert.True(KernelVersion.Parse("5.10.9") < KernelVersion.Parse("5.10.10"));
    }
}
