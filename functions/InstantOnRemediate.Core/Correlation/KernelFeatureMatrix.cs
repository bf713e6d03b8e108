using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// The validated kernel-feature matrix: what each feature needs, which causes depend on which features, and
/// whether a given kernel has a feature (upstream minimum, distribution backports, or a probe on the node).
/// </summary>
public sealed class KernelFeatureMatrix
{
    private static readonly Lazy<KernelFeatureMatrix> Shipped = new(() => Parse(EmbeddedCorrelationData.Read(EmbeddedCorrelationData.KernelFeatures), EmbeddedCorrelationData.KernelFeatures));

    private readonly Dictionary<string, KernelFeature> features;
    private readonly Dictionary<string, KernelVersion> minimums;
    private readonly Dictionary<string, KernelFeatureProfile> profiles;

    private KernelFeatureMatrix(KernelFeatureMatrixDocument document, Dictionary<string, KernelFeature> features, Dictionary<string, KernelVersion> minimums, Dictionary<string, KernelFeatureProfile> profiles)
    {
        Document = document;
        this.features = features;
        this.minimums = minimums;
        this.profiles = profiles;
        DefaultProfile = profiles[document.DefaultProfile!];
    }

    /// <summary>The matrix shipped in the core assembly (Data/kernel-features.json), validated once.</summary>
    public static KernelFeatureMatrix Default => Shipped.Value;

    public KernelFeatureMatrixDocument Document { get; }

    public IReadOnlyCollection<KernelFeature> Features => features.Values;

    public KernelFeatureProfile DefaultProfile { get; }

    public IReadOnlyList<CauseRequirement> CauseRequirements => Document.CauseRequirements;

    public KernelFeature Feature(string id) =>
        features.TryGetValue(id, out var f) ? f : throw new KeyNotFoundException($"kernel feature '{id}' is not in the matrix");

    public KernelVersion Minimum(string featureId) => minimums[Feature(featureId).Id];

    public KernelFeatureProfile Profile(string id) =>
        profiles.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"kernel-feature profile '{id}' is not in the matrix");

    /// <summary>Features a cause depends on (union over its requirements); empty when the cause is not kernel-related.</summary>
    public IReadOnlyList<string> FeaturesFor(string cause) =>
        [.. Document.CauseRequirements.Where(r => r.Causes.Contains(cause, StringComparer.Ordinal)).SelectMany(r => r.Features).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether the kernel described by <paramref name="evidence"/> has the feature, and why.</summary>
    public FeatureSupport Supports(KernelEvidence evidence, string featureId)
    {
        var feature = Feature(featureId);
        if (evidence.ProbedFeatures.TryGetValue(featureId, out var probed))
        {
            return new FeatureSupport(feature, probed, probed ? "probed on the node: supported" : "probed on the node: not supported");
        }

        var kernel = evidence.Version;
        if (kernel is null)
        {
            return new FeatureSupport(feature, null, "kernel unknown");
        }

        var minimum = minimums[featureId];
        if (kernel.IsAtLeast(minimum))
        {
            return new FeatureSupport(feature, true, $"kernel {kernel.Series} ≥ {feature.UpstreamMinimum}");
        }

        var distro = kernel.Distro.Length > 0 ? kernel.Distro : evidence.Distro ?? KernelDistros.None;
        foreach (var backport in feature.Backports)
        {
            if (backport.Distro != distro || !kernel.IsAtLeast(KernelVersion.Parse(backport.Minimum)))
            {
                continue;
            }

            if (backport.Status == KernelBackport.Present)
            {
                return new FeatureSupport(feature, true, $"{distro} {backport.Minimum}+ backport: {backport.Note}");
            }

            return new FeatureSupport(feature, false, $"kernel {kernel.Series} < {feature.UpstreamMinimum}; {distro} backport unverified: {backport.Note}");
        }

        return new FeatureSupport(feature, false, $"kernel {kernel.Series} < {feature.UpstreamMinimum}");
    }

    /// <summary>Parses and validates a matrix document; throws <see cref="CorrelationDataException"/> naming the problem.</summary>
    public static KernelFeatureMatrix Parse(string json, string origin = "kernel-features.json")
    {
        KernelFeatureMatrixDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, CoreJsonContext.Default.KernelFeatureMatrixDocument);
        }
        catch (JsonException e)
        {
            throw new CorrelationDataException($"{origin}: not valid JSON for the kernel-feature matrix: {e.Message}", e);
        }

        if (document is null)
        {
            throw new CorrelationDataException($"{origin}: empty document");
        }

        // Source-generated deserialization of types with required members sets absent collections to null.
        document = document with
        {
            Features = [.. (document.Features ?? []).Select(f => f with { Backports = f.Backports ?? [], Sources = f.Sources ?? [] })],
            Profiles = [.. (document.Profiles ?? []).Select(p => p with { Features = p.Features ?? [] })],
            CauseRequirements = [.. (document.CauseRequirements ?? []).Select(r => r with { Causes = r.Causes ?? [], Features = r.Features ?? [], Sources = r.Sources ?? [] })],
        };

        var errors = new List<string>();
        if (document.Version != 1)
        {
            errors.Add($"version {document.Version} is not supported (expected 1)");
        }

        var features = new Dictionary<string, KernelFeature>(StringComparer.Ordinal);
        var minimums = new Dictionary<string, KernelVersion>(StringComparer.Ordinal);
        foreach (var f in document.Features)
        {
            if (string.IsNullOrWhiteSpace(f.Id) || !features.TryAdd(f.Id, f))
            {
                errors.Add($"feature id '{f.Id}' is empty or duplicated");
                continue;
            }

            if (!KernelVersion.TryParse(f.UpstreamMinimum, out var min))
            {
                errors.Add($"feature {f.Id}: upstreamMinimum '{f.UpstreamMinimum}' is not a kernel version");
            }
            else
            {
                minimums[f.Id] = min;
            }

            if (f.Sources.Count == 0)
            {
                errors.Add($"feature {f.Id}: no sources");
            }

            if (f.Benign && (f.BlocksRestore || f.BlocksCheckpoint))
            {
                errors.Add($"feature {f.Id}: cannot be benign and blocking at once");
            }

            if (Confidences.Rank(f.Confidence) == 0)
            {
                errors.Add($"feature {f.Id}: confidence '{f.Confidence}' must be high, medium or low");
            }

            foreach (var b in f.Backports)
            {
                if (!KernelVersion.TryParse(b.Minimum, out _))
                {
                    errors.Add($"feature {f.Id}: backport minimum '{b.Minimum}' is not a kernel version");
                }

                if (b.Status is not (KernelBackport.Present or KernelBackport.Unverified))
                {
                    errors.Add($"feature {f.Id}: backport status '{b.Status}' must be present or unverified");
                }
            }
        }

        var profiles = new Dictionary<string, KernelFeatureProfile>(StringComparer.Ordinal);
        foreach (var p in document.Profiles)
        {
            if (!profiles.TryAdd(p.Id, p))
            {
                errors.Add($"profile '{p.Id}' is duplicated");
            }

            errors.AddRange(p.Features.Where(id => !features.ContainsKey(id)).Select(id => $"profile {p.Id}: unknown feature '{id}'"));
        }

        if (document.DefaultProfile is null || !profiles.ContainsKey(document.DefaultProfile))
        {
            errors.Add($"defaultProfile '{document.DefaultProfile}' is not a declared profile");
        }

        for (var i = 0; i < document.CauseRequirements.Count; i++)
        {
            var r = document.CauseRequirements[i];
            if (r.Causes.Count == 0 || r.Features.Count == 0)
            {
                errors.Add($"causeRequirements[{i}]: needs at least one cause and one feature");
            }

            errors.AddRange(r.Features.Where(id => !features.ContainsKey(id)).Select(id => $"causeRequirements[{i}]: unknown feature '{id}'"));
            foreach (var outcome in new[] { r.WhenMissing, r.WhenPresent })
            {
                if (outcome?.Remedy is { } remedy && (!RemedyClasses.All.Contains(remedy) || remedy == RemedyClasses.None))
                {
                    errors.Add($"causeRequirements[{i}]: remedy '{remedy}' is not a remedy class");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new CorrelationDataException($"{origin}: {string.Join("; ", errors)}");
        }

        return new KernelFeatureMatrix(document, features, minimums, profiles);
    }
}
