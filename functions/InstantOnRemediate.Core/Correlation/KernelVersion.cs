using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// A Linux kernel release reduced to what feature checks compare: major.minor[.patch] plus the distribution tag.
/// A bare series (<c>5.10</c>, from the AMI catalog) has no patch and compares as the series' first release.
/// </summary>
public sealed partial record KernelVersion : IComparable<KernelVersion>
{
    public required int Major { get; init; }

    public required int Minor { get; init; }

    /// <summary>Patch level; null for a bare series.</summary>
    public int? Patch { get; init; }

    /// <summary>Distribution tag (see <see cref="KernelDistros"/>); empty when none is recognisable.</summary>
    public string Distro { get; init; } = KernelDistros.None;

    /// <summary>The string as given (trimmed).</summary>
    public required string Raw { get; init; }

    /// <summary>major.minor, e.g. 5.10.</summary>
    public string Series => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>The item whose kernel release is the lowest (the one a node group's verdict must hold for); null when none parses.</summary>
    public static T? LowestOf<T>(IEnumerable<T> items, Func<T, string?> kernel)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(kernel);
        return items
            .Select(i => (Item: i, Version: TryParse(kernel(i), out var v) ? v : null))
            .Where(p => p.Version is not null)
            .OrderBy(p => p.Version)
            .Select(p => p.Item)
            .FirstOrDefault();
    }

    public static KernelVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a kernel release");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out KernelVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 128)
        {
            return false;
        }

        var trimmed = text.Trim();
        var m = ReleasePattern().Match(trimmed);
        if (!m.Success
            || !int.TryParse(m.Groups["major"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(m.Groups["minor"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        int? patch = null;
        if (m.Groups["patch"].Success)
        {
            if (!int.TryParse(m.Groups["patch"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                return false;
            }

            patch = p;
        }

        version = new KernelVersion { Major = major, Minor = minor, Patch = patch, Distro = DistroOf(m.Groups["rest"].Value), Raw = trimmed };
        return true;
    }

    /// <summary>True when this kernel is at least <paramref name="minimum"/> by major.minor.patch (a missing patch counts as 0).</summary>
    public bool IsAtLeast(KernelVersion minimum) => CompareTo(minimum) >= 0;

    public int CompareTo(KernelVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : (Patch ?? 0).CompareTo(other.Patch ?? 0);
    }

    public override string ToString() => Raw;

    public static bool operator <(KernelVersion left, KernelVersion right) => left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator <=(KernelVersion left, KernelVersion right) => left is null || left.CompareTo(right) <= 0;

    public static bool operator >(KernelVersion left, KernelVersion right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator >=(KernelVersion left, KernelVersion right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private static string DistroOf(string rest)
    {
        if (rest.Length == 0)
        {
            return KernelDistros.None;
        }

        var m = DistroPattern().Match(rest);
        if (!m.Success)
        {
            return KernelDistros.None;
        }

        if (m.Groups["amzn"].Success)
        {
            return m.Groups["amzn"].Value == "2023" ? KernelDistros.Amzn2023 : KernelDistros.Amzn2;
        }

        if (m.Groups["el"].Success)
        {
            return "el" + m.Groups["el"].Value;
        }

        return m.Groups["flavour"].Value == "aws" ? KernelDistros.UbuntuAws : KernelDistros.Ubuntu;
    }

    [GeneratedRegex(@"^(?<major>\d{1,3})\.(?<minor>\d{1,3})(?:\.(?<patch>\d{1,6}))?(?<rest>[-+.~_][\w.+~-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleasePattern();

    [GeneratedRegex(@"\.amzn(?<amzn>2023|2)(?:\.|$)|\.el(?<el>\d+)(?:[_.]|$)|^-\d+-(?<flavour>aws|generic|lowlatency|azure|gcp)$", RegexOptions.CultureInvariant)]
    private static partial Regex DistroPattern();
}
