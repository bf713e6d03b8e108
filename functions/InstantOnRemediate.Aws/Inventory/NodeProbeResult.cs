namespace InstantOnRemediate.Aws.Inventory;

/// <summary>What the SSM kernel probe found on one instance. Status: succeeded | failed | timed-out | undeliverable.</summary>
internal sealed record NodeProbeResult
{
    public required string InstanceId { get; init; }

    public required string Status { get; init; }

    /// <summary>uname -r, only when it parsed as a kernel release.</summary>
    public string? Kernel { get; init; }

    /// <summary>Kernel-feature id → supported, for features CRIU could check on the node.</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();

    public string? CommandId { get; init; }

    public string? Detail { get; init; }
}
