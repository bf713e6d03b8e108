using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// The safety policy of one account (or the effective policy of one cluster after its overrides are merged in).
/// Loaded from JSON by <see cref="PolicyLoader"/>, which validates every field before anything runs.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RemediationPolicy
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>The mode of the whole service: observe | recommend | enforce. Caps every per-action mode.</summary>
    public string Mode { get; init; } = "recommend";

    /// <summary>Mode per action type (notify, eks-label-nodegroup, ...); missing types use <see cref="Mode"/>.</summary>
    public Dictionary<string, string> ActionModes { get; init; } = [];

    public ApprovalPolicy Approval { get; init; } = new();

    public ThresholdPolicy Thresholds { get; init; } = new();

    public CooldownPolicy Cooldowns { get; init; } = new();

    public BlastRadiusPolicy BlastRadius { get; init; } = new();

    /// <summary>UTC windows in which disruptive actions may run; empty means any time.</summary>
    public List<MaintenanceWindow> MaintenanceWindows { get; init; } = [];

    public MarkerPolicy Markers { get; init; } = new();

    /// <summary>Preferred target amiType per source amiType for a cloned node group (AL2 → AL2023).</summary>
    public List<AmiTypeMigration> AmiTypeMigrations { get; init; } = [];

    public NodegroupUpdatePolicy NodegroupUpdates { get; init; } = new();

    public PausePolicy Pause { get; init; } = new();

    public NotificationPolicy Notifications { get; init; } = new();

    public SsmPolicy Ssm { get; init; } = new();

    public LoopGuardPolicy LoopGuard { get; init; } = new();

    public EscalationPolicy Escalation { get; init; } = new();
}
