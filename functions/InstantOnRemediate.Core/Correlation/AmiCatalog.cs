using System.Globalization;
using System.Text.Json;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// The validated EKS AMI catalog: amiType → family, the compatible target amiType, and family × Kubernetes version ×
/// release date → kernel series (aws-facts.md §5.1).
/// </summary>
public sealed class AmiCatalog
{
    private static readonly Lazy<AmiCatalog> Shipped = new(() => Parse(EmbeddedCorrelationData.Read(EmbeddedCorrelationData.AmiCatalog), EmbeddedCorrelationData.AmiCatalog));

    private readonly Dictionary<string, AmiTypeEntry> amiTypes;
    private readonly Dictionary<string, AmiFamily> families;

    private AmiCatalog(AmiCatalogDocument document)
    {
        Document = document;
        amiTypes = document.AmiTypes.ToDictionary(t => t.AmiType, StringComparer.Ordinal);
        families = document.Families.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog shipped in the core assembly (Data/ami-catalog.json), validated once.</summary>
    public static AmiCatalog Default => Shipped.Value;

    public AmiCatalogDocument Document { get; }

    public AmiTypeEntry? Entry(string? amiType) => amiType is not null && amiTypes.TryGetValue(amiType, out var e) ? e : null;

    /// <summary>Family of an amiType; unknown values are mapped by prefix because EKS adds amiTypes over time.</summary>
    public string? FamilyOf(string? amiType)
    {
        if (string.IsNullOrEmpty(amiType))
        {
            return null;
        }

        if (Entry(amiType) is { } entry)
        {
            return entry.Family;
        }

        return amiType switch
        {
            _ when amiType.StartsWith("AL2023_", StringComparison.Ordinal) => AmiFamilies.Al2023,
            _ when amiType.StartsWith("AL2_", StringComparison.Ordinal) => AmiFamilies.Al2,
            _ when amiType.StartsWith("BOTTLEROCKET_", StringComparison.Ordinal) => AmiFamilies.Bottlerocket,
            _ when amiType.StartsWith("WINDOWS_", StringComparison.Ordinal) => AmiFamilies.Windows,
            _ => AmiFamilies.Custom,
        };
    }

    /// <summary>linux, windows or unknown.</summary>
    public string PlatformOf(string? family) => family is not null && families.TryGetValue(family, out var f) ? f.Platform : "unknown";

    /// <summary>Distribution tag of a family's kernels (amzn2 for al2), or null.</summary>
    public string? KernelDistroOf(string? family) => family is not null && families.TryGetValue(family, out var f) ? f.KernelDistro : null;

    /// <summary>The amiType to move to when <paramref name="amiType"/> cannot restore InstantOn images (same architecture); null when none is listed.</summary>
    public string? TargetFor(string? amiType) => Entry(amiType)?.Target;

    /// <summary>The public SSM parameter with the newest release of <paramref name="amiType"/> for a Kubernetes minor.</summary>
    public string? ReleaseParameterFor(string amiType, string kubernetesMinor) =>
        Entry(amiType)?.ReleaseParameter?.Replace("{k8s}", kubernetesMinor, StringComparison.Ordinal);

    /// <summary>
    /// The first kernel rule matching the query. A rule bounded by release date still matches a query without a date,
    /// but its confidence drops to low (rules are ordered newest first).
    /// </summary>
    public CatalogKernel? KernelFor(AmiKernelQuery query)
    {
        var k8s = ParseMinor(query.KubernetesMinor);
        foreach (var rule in Document.Kernels)
        {
            if (rule.Family != query.Family
                || (rule.AmiTypes.Count > 0 && (query.AmiType is null || !rule.AmiTypes.Contains(query.AmiType, StringComparer.Ordinal)))
                || (rule.OsVersion is not null && rule.OsVersion != query.OsVersion))
            {
                continue;
            }

            if (rule.Kubernetes is { } range && (range.Min is not null || range.Max is not null))
            {
                if (k8s is null
                    || (range.Min is not null && k8s < ParseMinor(range.Min))
                    || (range.Max is not null && k8s > ParseMinor(range.Max)))
                {
                    continue;
                }
            }

            var confidence = rule.Confidence;
            if (rule.Released is { } dates && (dates.From is not null || dates.Until is not null))
            {
                if (query.ReleaseDate is { } date)
                {
                    if ((dates.From is not null && date < DateOnly.Parse(dates.From, CultureInfo.InvariantCulture))
                        || (dates.Until is not null && date >= DateOnly.Parse(dates.Until, CultureInfo.InvariantCulture)))
                    {
                        continue;
                    }
                }
                else
                {
                    confidence = Confidences.Low;
                }
            }

            return new CatalogKernel
            {
                Kernel = rule.Kernel,
                Confidence = confidence,
                Evidence = rule.Evidence,
                Source = Document.Sources.TryGetValue(rule.Source, out var citation) ? citation : rule.Source,
            };
        }

        return null;
    }

    /// <summary>Parses and validates a catalog document; throws <see cref="CorrelationDataException"/> naming the problem.</summary>
    public static AmiCatalog Parse(string json, string origin = "ami-catalog.json")
    {
        AmiCatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, CoreJsonContext.Default.AmiCatalogDocument);
        }
        catch (JsonException e)
        {
            throw new CorrelationDataException($"{origin}: not valid JSON for the AMI catalog: {e.Message}", e);
        }

        if (document is null)
        {
            throw new CorrelationDataException($"{origin}: empty document");
        }

        // Source-generated deserialization of types with required members sets absent collections to null.
        document = document with
        {
            Sources = document.Sources ?? new Dictionary<string, string>(),
            Families = document.Families ?? [],
            AmiTypes = document.AmiTypes ?? [],
            Kernels = [.. (document.Kernels ?? []).Select(k => k with { AmiTypes = k.AmiTypes ?? [] })],
        };

        var errors = new List<string>();
        if (document.Version != 1)
        {
            errors.Add($"version {document.Version} is not supported (expected 1)");
        }

        var familyIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in document.Families)
        {
            if (!familyIds.Add(f.Id))
            {
                errors.Add($"family '{f.Id}' is duplicated");
            }

            if (f.Platform is not ("linux" or "windows" or "unknown"))
            {
                errors.Add($"family {f.Id}: platform '{f.Platform}' must be linux, windows or unknown");
            }
        }

        var typeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in document.AmiTypes)
        {
            if (!typeIds.Add(t.AmiType))
            {
                errors.Add($"amiType '{t.AmiType}' is duplicated");
            }

            if (!familyIds.Contains(t.Family))
            {
                errors.Add($"amiType {t.AmiType}: unknown family '{t.Family}'");
            }

            if (t.ReleaseParameter is { } p && (!p.StartsWith("/aws/service/", StringComparison.Ordinal) || !p.Contains("{k8s}", StringComparison.Ordinal)))
            {
                errors.Add($"amiType {t.AmiType}: releaseParameter must be an /aws/service/ path with a {{k8s}} placeholder");
            }
        }

        foreach (var t in document.AmiTypes.Where(t => t.Target is not null))
        {
            var target = document.AmiTypes.FirstOrDefault(x => x.AmiType == t.Target);
            if (target is null)
            {
                errors.Add($"amiType {t.AmiType}: target '{t.Target}' is not a listed amiType");
            }
            else if (target.Arch != t.Arch)
            {
                errors.Add($"amiType {t.AmiType}: target {t.Target} has another architecture ({target.Arch} ≠ {t.Arch})");
            }
        }

        for (var i = 0; i < document.Kernels.Count; i++)
        {
            var r = document.Kernels[i];
            var where = $"kernels[{i}] ({r.Family})";
            if (!familyIds.Contains(r.Family))
            {
                errors.Add($"{where}: unknown family");
            }

            errors.AddRange(r.AmiTypes.Where(a => !typeIds.Contains(a)).Select(a => $"{where}: unknown amiType '{a}'"));
            if (r.Kernel is not null && (!KernelVersion.TryParse(r.Kernel, out var k) || k.Patch is not null))
            {
                errors.Add($"{where}: kernel '{r.Kernel}' must be a series like 5.10");
            }

            if (r.Kubernetes is { } range
                && ((range.Min is not null && ParseMinor(range.Min) is null) || (range.Max is not null && ParseMinor(range.Max) is null)
                    || (ParseMinor(range.Min) is { } lo && ParseMinor(range.Max) is { } hi && lo > hi)))
            {
                errors.Add($"{where}: kubernetes range {range.Min}..{range.Max} is not valid");
            }

            if (r.Released is { } dates
                && ((dates.From is not null && !DateOnly.TryParseExact(dates.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    || (dates.Until is not null && !DateOnly.TryParseExact(dates.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))))
            {
                errors.Add($"{where}: released dates must be YYYY-MM-DD");
            }

            if (Confidences.Rank(r.Confidence) == 0)
            {
                errors.Add($"{where}: confidence '{r.Confidence}' must be high, medium or low");
            }

            if (!document.Sources.ContainsKey(r.Source))
            {
                errors.Add($"{where}: source '{r.Source}' is not declared in sources");
            }
        }

        if (errors.Count > 0)
        {
            throw new CorrelationDataException($"{origin}: {string.Join("; ", errors)}");
        }

        return new AmiCatalog(document);
    }

    internal static Version? ParseMinor(string? kubernetes)
    {
        if (string.IsNullOrWhiteSpace(kubernetes))
        {
            return null;
        }

        var trimmed = kubernetes.Trim().TrimStart('v');
        var parts = trimmed.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? new Version(major, minor)
            : null;
    }
}
