namespace InstantOnRemediate.Aws.Inventory;

/// <summary>How the gatherer caches and whether it probes nodes over SSM.</summary>
public sealed record InventoryGathererOptions
{
    /// <summary>How long instance, AMI and node-group answers are reused.</summary>
    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Probe one node of each node group with the stack's diagnostics document (the runbook's diagnose; off elsewhere).</summary>
    public bool ProbeNodes { get; init; }

    /// <summary>
    /// Deployed name of the stack's diagnostics document (template.yaml passes it in SSM_DIAGNOSTICS_DOCUMENT; a resolved
    /// policy has it as <c>Ssm.Diagnostics.Name</c>). Null: probes report not-configured and send nothing.
    /// </summary>
    public string? DiagnosticsDocument { get; init; }

    public int ProbeMaxAttempts { get; init; } = 20;

    public TimeSpan ProbePollInterval { get; init; } = TimeSpan.FromSeconds(5);
}
