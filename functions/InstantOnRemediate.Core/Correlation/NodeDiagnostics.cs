namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// What the stack's read-only diagnostics document (infra/ssm/node-diagnostics.yaml) reported about one node, after
/// <see cref="NodeDiagnosticsReader"/> validated it. Unknown facts are null.
/// </summary>
public sealed record NodeDiagnostics
{
    public const string Schema = "instanton-remediate.node-diagnostics/1";

    /// <summary>Kernel release (<c>uname -r</c>), validated as a kernel version.</summary>
    public required string Kernel { get; init; }

    public string? Machine { get; init; }

    /// <summary>kernel.yama.ptrace_scope (0-3); null when the kernel has no Yama.</summary>
    public int? YamaPtraceScope { get; init; }

    /// <summary>enforcing | permissive | disabled | unknown.</summary>
    public string? SeLinux { get; init; }

    /// <summary>enabled | disabled | absent.</summary>
    public string? AppArmor { get; init; }

    /// <summary>Whether the kernel offers seccomp filters (what container runtimes' profiles use).</summary>
    public bool? SeccompFilter { get; init; }

    /// <summary>/proc/sys/kernel/cap_last_cap: 40 or more means the kernel knows CAP_CHECKPOINT_RESTORE.</summary>
    public int? CapLastCap { get; init; }

    /// <summary>v1 | v2 | unknown.</summary>
    public string? Cgroup { get; init; }

    /// <summary>Path of a CRIU binary on the node, when one is installed.</summary>
    public string? CriuPath { get; init; }

    /// <summary>node (installed on the node) | container (found in a running container and run in its namespaces).</summary>
    public string? CriuWhere { get; init; }

    public string? CriuVersion { get; init; }

    /// <summary>Every feature the document reported (feature id → what it found and how).</summary>
    public IReadOnlyDictionary<string, ReportedFeature> Features { get; init; } = new Dictionary<string, ReportedFeature>();

    /// <summary>
    /// Features tested directly on the node (<c>criu check</c>, or the kernel's own interface in /proc) → supported.
    /// Answers inferred from the kernel version are left out: the kernel-feature matrix knows the distribution
    /// backports that a version comparison on the node cannot.
    /// </summary>
    public IReadOnlyDictionary<string, bool> ProbedFeatures =>
        Features.Where(f => f.Value.Supported is not null && f.Value.By is FeatureProbes.CriuCheck or FeatureProbes.Proc)
            .ToDictionary(f => f.Key, f => f.Value.Supported!.Value, StringComparer.Ordinal);
}

/// <summary>One feature as the diagnostics document reported it: supported (null = could not tell) and how it knew.</summary>
public sealed record ReportedFeature(bool? Supported, string By);

/// <summary>How the diagnostics document learned a feature: <c>criu check</c>, a /proc interface, or the kernel version.</summary>
public static class FeatureProbes
{
    public const string CriuCheck = "criu-check";
    public const string Proc = "proc";
    public const string KernelVersion = "kernel-version";

    public static readonly IReadOnlyList<string> All = [CriuCheck, Proc, KernelVersion];
}
