using System.Globalization;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// An EKS node-group <c>releaseVersion</c> read apart: <c>1.29.0-20240110</c> (Kubernetes + AMI date), <c>v20240110</c>,
/// a Bottlerocket image version (<c>1.20.3</c>), a Windows date (<c>2024.09.10</c>), or an AMI id (custom launch template).
/// </summary>
public sealed partial record AmiRelease
{
    public required string Raw { get; init; }

    /// <summary>Kubernetes version with patch, e.g. 1.29.0.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Kubernetes minor, e.g. 1.29.</summary>
    public string? KubernetesMinor { get; init; }

    public DateOnly? Date { get; init; }

    public string? BottlerocketVersion { get; init; }

    /// <summary>Set when the release is an AMI id (custom AMI in a launch template).</summary>
    public string? AmiId { get; init; }

    /// <summary>Parses a release; <paramref name="family"/> decides what a bare x.y.z means (Bottlerocket image version).</summary>
    public static AmiRelease? Parse(string? releaseVersion, string? family = null)
    {
        if (string.IsNullOrWhiteSpace(releaseVersion) || releaseVersion.Length > 64)
        {
            return null;
        }

        var raw = releaseVersion.Trim();
        var m = EksRelease().Match(raw);
        if (m.Success)
        {
            return new AmiRelease
            {
                Raw = raw,
                KubernetesVersion = m.Groups["k8s"].Value,
                KubernetesMinor = m.Groups["minor"].Value,
                Date = ParseDate(m.Groups["date"].Value),
            };
        }

        m = DateTag().Match(raw);
        if (m.Success)
        {
            return new AmiRelease { Raw = raw, Date = ParseDate(m.Groups["date"].Value) };
        }

        if (AmiIdPattern().IsMatch(raw))
        {
            return new AmiRelease { Raw = raw, AmiId = raw };
        }

        m = WindowsDate().Match(raw);
        if (m.Success && DateOnly.TryParseExact(raw, "yyyy.MM.dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var windowsDate))
        {
            return new AmiRelease { Raw = raw, Date = windowsDate };
        }

        m = SemVer().Match(raw);
        if (m.Success && family is null or AmiFamilies.Bottlerocket)
        {
            return new AmiRelease { Raw = raw, BottlerocketVersion = m.Groups["v"].Value };
        }

        return null;
    }

    internal static DateOnly? ParseDate(string yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"^(?<k8s>(?<minor>\d+\.\d+)\.\d+)-(?<date>\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex EksRelease();

    [GeneratedRegex(@"^v(?<date>\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTag();

    [GeneratedRegex(@"^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex AmiIdPattern();

    [GeneratedRegex(@"^\d{4}\.\d{2}\.\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex WindowsDate();

    [GeneratedRegex(@"^v?(?<v>\d+\.\d+\.\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();
}
