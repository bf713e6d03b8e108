using System.Globalization;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>Turns kernel evidence and a set of required features into a <see cref="CompatibilityVerdict"/>. Pure.</summary>
public sealed class CompatibilityEvaluator(KernelFeatureMatrix matrix)
{
    public static CompatibilityEvaluator Default { get; } = new(KernelFeatureMatrix.Default);

    public KernelFeatureMatrix Matrix => matrix;

    /// <summary>Verdict for the features a cause depends on (the default profile when the cause has none).</summary>
    public CompatibilityVerdict EvaluateForCause(KernelEvidence evidence, string cause)
    {
        var features = matrix.FeaturesFor(cause);
        return Evaluate(evidence, features.Count > 0 ? features : matrix.DefaultProfile.Features);
    }

    /// <summary>Verdict for <paramref name="features"/> (default: the matrix's default profile, i.e. InstantOn restore).</summary>
    public CompatibilityVerdict Evaluate(KernelEvidence evidence, IEnumerable<string>? features = null)
    {
        var required = (features ?? matrix.DefaultProfile.Features).Distinct(StringComparer.Ordinal).ToList();
        var supports = required.Select(id => matrix.Supports(evidence, id)).ToList();
        var where = evidence.Kernel is null ? "" : $"Kernel {evidence.Kernel} ({evidence.Source})";
        var confidence = evidence.Confidence;
        if (supports.Any(s => s.Basis.Contains("unverified", StringComparison.Ordinal)))
        {
            confidence = Confidences.Min(confidence, Confidences.Medium);
        }

        var missing = supports.Where(s => s.Supported == false).ToList();
        if (missing.Count > 0)
        {
            var needs = missing.Select(s => s.Feature).MaxBy(f => matrix.Minimum(f.Id))!.UpstreamMinimum;
            var names = string.Join(", ", missing.Select(s => $"{s.Feature.Name} (Linux {s.Feature.UpstreamMinimum})"));
            var unverified = missing.Any(s => s.Basis.Contains("unverified", StringComparison.Ordinal))
                ? " A distribution backport is unverified: a probe on the node (criu check) can overturn this."
                : "";
            return new CompatibilityVerdict
            {
                Status = CompatibilityStatuses.Incompatible,
                Missing = [.. missing.Select(s => new MissingFeature { Id = s.Feature.Id, Name = s.Feature.Name, Minimum = s.Feature.UpstreamMinimum, Basis = s.Basis })],
                Reason = string.Create(CultureInfo.InvariantCulture, $"{where} lacks {names}; InstantOn restore needs Linux {needs} or later.{unverified}"),
                Kernel = evidence.Kernel,
                KernelSource = evidence.Source,
                Confidence = confidence,
            };
        }

        if (evidence.Kernel is null && supports.Any(s => s.Supported is null))
        {
            return new CompatibilityVerdict
            {
                Status = CompatibilityStatuses.Unknown,
                Reason = "Kernel unknown" + (evidence.Note is null ? "" : $" ({evidence.Note})") + ": probe the node (uname -r, criu check) to decide.",
                KernelSource = KernelSources.Unknown,
                Confidence = Confidences.None,
            };
        }

        return new CompatibilityVerdict
        {
            Status = CompatibilityStatuses.Compatible,
            Reason = $"{where} has {string.Join(", ", supports.Select(s => s.Feature.Name))}.",
            Kernel = evidence.Kernel,
            KernelSource = evidence.Source,
            Confidence = confidence,
        };
    }

    /// <summary>Verdict for nodes that run no Linux kernel (Windows).</summary>
    public static CompatibilityVerdict NotLinux(string family) => new()
    {
        Status = CompatibilityStatuses.Incompatible,
        Reason = $"{family} nodes run no Linux kernel and cannot run InstantOn (Linux) containers.",
        KernelSource = KernelSources.AmiCatalog,
        Confidence = Confidences.High,
    };
}
