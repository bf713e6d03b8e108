using System.Globalization;

namespace InstantOnRemediate.Core.Classification;

/// <summary>Major.minor of a kernel release string such as <c>5.10.226-214.880.amzn2.x86_64</c>.</summary>
public readonly record struct KernelRelease(int Major, int Minor) : IComparable<KernelRelease>
{
    public static bool TryParse(ReadOnlySpan<char> text, out KernelRelease release)
    {
        release = default;
        var dot = text.IndexOf('.');
        if (dot <= 0 || !int.TryParse(text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }

        var rest = text[(dot + 1)..];
        var end = 0;
        while (end < rest.Length && char.IsAsciiDigit(rest[end]))
        {
            end++;
        }

        if (end == 0 || !int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        release = new KernelRelease(major, minor);
        return true;
    }

    public int CompareTo(KernelRelease other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KernelRelease a, KernelRelease b) => a.CompareTo(b) < 0;

    public static bool operator >(KernelRelease a, KernelRelease b) => a.CompareTo(b) > 0;

    public static bool operator <=(KernelRelease a, KernelRelease b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KernelRelease a, KernelRelease b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
