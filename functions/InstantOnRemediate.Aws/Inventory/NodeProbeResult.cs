using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>What the node probe found on one instance (<see cref="NodeProbeStatuses"/>).</summary>
internal sealed record NodeProbeResult
{
    public required string InstanceId { get; init; }

    public required string Status { get; init; }

    /// <summary>uname -r, only when it parsed as a kernel release.</summary>
    public string? Kernel { get; init; }

    /// <summary>Kernel-feature id → supported, for features tested directly on the node (criu check, /proc).</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();

    /// <summary>Everything the diagnostics document reported (Yama, LSMs, seccomp, CRIU), when it succeeded.</summary>
    public NodeDiagnostics? Diagnostics { get; init; }

    public string? CommandId { get; init; }

    public string? Detail { get; init; }
}
