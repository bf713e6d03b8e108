using System.Globalization;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// An AMI name read apart: EKS AL2 (<c>amazon-eks-node-1.29-v20240110</c>, <c>-gpu-</c>, <c>-arm64-</c>), AL2023
/// (<c>amazon-eks-node-al2023-x86_64-standard-1.31-v20241121</c>), Bottlerocket
/// (<c>bottlerocket-aws-k8s-1.30-x86_64-v1.20.3-5d9ac849</c>), Windows EKS-optimized, Canonical Ubuntu EKS.
/// </summary>
public sealed partial record AmiName
{
    public required string Raw { get; init; }

    public required string Family { get; init; }

    /// <summary>The EKS amiType this AMI corresponds to, when there is one.</summary>
    public string? AmiType { get; init; }

    public string? Arch { get; init; }

    public string? KubernetesMinor { get; init; }

    public DateOnly? Date { get; init; }

    public string? BottlerocketVersion { get; init; }

    /// <summary>OS release where the name carries one (Ubuntu 20.04, Windows 2022).</summary>
    public string? OsVersion { get; init; }

    public static AmiName? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
        {
            return null;
        }

        var raw = name.Trim();
        var m = Al2023().Match(raw);
        if (m.Success)
        {
            var arch = m.Groups["arch"].Value;
            var variant = m.Groups["variant"].Value;
            return new AmiName
            {
                Raw = raw,
                Family = AmiFamilies.Al2023,
                Arch = arch,
                AmiType = string.Create(CultureInfo.InvariantCulture, $"AL2023_{(arch == "arm64" ? "ARM_64" : "x86_64")}_{variant.ToUpperInvariant()}"),
                KubernetesMinor = m.Groups["k8s"].Value,
                Date = AmiRelease.ParseDate(m.Groups["date"].Value),
            };
        }

        m = Al2().Match(raw);
        if (m.Success)
        {
            var kind = m.Groups["kind"].Value;
            return new AmiName
            {
                Raw = raw,
                Family = AmiFamilies.Al2,
                Arch = kind == "arm64" ? "arm64" : "x86_64",
                AmiType = kind switch { "arm64" => "AL2_ARM_64", "gpu" => "AL2_x86_64_GPU", _ => "AL2_x86_64" },
                KubernetesMinor = m.Groups["k8s"].Value,
                Date = AmiRelease.ParseDate(m.Groups["date"].Value),
            };
        }

        m = Bottlerocket().Match(raw);
        if (m.Success)
        {
            var arch = m.Groups["arch"].Value is "aarch64" or "arm64" ? "arm64" : "x86_64";
            var flavours = m.Groups["flavours"].Value;
            var suffix = (flavours.Contains("-nvidia", StringComparison.Ordinal) ? "_NVIDIA" : "") + (flavours.Contains("-fips", StringComparison.Ordinal) ? "_FIPS" : "");
            return new AmiName
            {
                Raw = raw,
                Family = AmiFamilies.Bottlerocket,
                Arch = arch,
                AmiType = "BOTTLEROCKET_" + (arch == "arm64" ? "ARM_64" : "x86_64") + suffix,
                KubernetesMinor = m.Groups["k8s"].Value,
                BottlerocketVersion = m.Groups["version"].Value,
            };
        }

        m = Windows().Match(raw);
        if (m.Success)
        {
            var year = m.Groups["year"].Value;
            var edition = m.Groups["edition"].Value.ToUpperInvariant();
            return new AmiName
            {
                Raw = raw,
                Family = AmiFamilies.Windows,
                Arch = "x86_64",
                AmiType = $"WINDOWS_{edition}_{year}_x86_64",
                KubernetesMinor = m.Groups["k8s"].Value,
                Date = DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy.MM.dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                OsVersion = year,
            };
        }

        m = Ubuntu().Match(raw);
        if (m.Success)
        {
            return new AmiName
            {
                Raw = raw,
                Family = AmiFamilies.Ubuntu,
                Arch = m.Groups["arch"].Value == "arm64" ? "arm64" : "x86_64",
                KubernetesMinor = m.Groups["k8s"].Value,
                OsVersion = m.Groups["os"].Value,
                Date = AmiRelease.ParseDate(m.Groups["date"].Value),
            };
        }

        return null;
    }

    [GeneratedRegex(@"^amazon-eks-node-al2023-(?<arch>x86_64|arm64)-(?<variant>standard|nvidia|neuron)-(?<k8s>\d+\.\d+)-v(?<date>\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex Al2023();

    [GeneratedRegex(@"^amazon-eks-(?:(?<kind>gpu|arm64)-)?node-(?<k8s>\d+\.\d+)-v(?<date>\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex Al2();

    [GeneratedRegex(@"^bottlerocket-aws-k8s-(?<k8s>\d+\.\d+)(?<flavours>(?:-(?:nvidia|fips))*)-(?<arch>x86_64|aarch64|arm64)-v(?<version>\d+\.\d+\.\d+)(?:-[0-9a-f]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Bottlerocket();

    [GeneratedRegex(@"^Windows_Server-(?<year>2019|2022|2025)-English-(?<edition>Core|Full)-EKS_Optimized-(?<k8s>\d+\.\d+)-(?<date>\d{4}\.\d{2}\.\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Windows();

    [GeneratedRegex(@"^ubuntu-eks(?:-pro)?/k8s_(?<k8s>\d+\.\d+)/images/hvm-ssd(?:-gp3)?/ubuntu-[a-z]+-(?<os>\d{2}\.\d{2})-(?<arch>amd64|arm64)-server-(?<date>\d{8})", RegexOptions.CultureInvariant)]
    private static partial Regex Ubuntu();
}
