namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// What is known about the kernel of a node or node group, and how: the release (or series), its source
/// (<see cref="KernelSources"/>), the confidence, and features a probe tested directly on the node.
/// </summary>
public sealed record KernelEvidence
{
    public static readonly KernelEvidence Unknown = new();

    /// <summary>Kernel release or series as reported (null when unknown).</summary>
    public string? Kernel { get; init; }

    public string Source { get; init; } = KernelSources.Unknown;

    public string Confidence { get; init; } = Confidences.None;

    /// <summary>Feature id → supported, as tested on the node (e.g. by <c>criu check --feature get_rseq_conf</c>).</summary>
    public IReadOnlyDictionary<string, bool> ProbedFeatures { get; init; } = new Dictionary<string, bool>();

    /// <summary>Distribution of the kernel when the release string does not say (a catalog series such as 5.10 on AL2).</summary>
    public string? Distro { get; init; }

    /// <summary>Why this answer (catalog evidence, probe, log line), for people.</summary>
    public string? Note { get; init; }

    public KernelVersion? Version => KernelVersion.TryParse(Kernel, out var v) ? v : null;

    public static KernelEvidence FromProbe(string kernel, IReadOnlyDictionary<string, bool>? features = null) =>
        new() { Kernel = kernel, Source = KernelSources.SsmProbe, Confidence = Confidences.High, ProbedFeatures = features ?? new Dictionary<string, bool>() };

    public static KernelEvidence FromLog(string kernel) =>
        new() { Kernel = kernel, Source = KernelSources.CriuLog, Confidence = Confidences.High };
}
