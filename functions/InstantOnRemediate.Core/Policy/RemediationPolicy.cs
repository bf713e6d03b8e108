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

    public int Version { get; set; } = 1;

    /// <summary>The mode of the whole service: observe | recommend | enforce. Caps every per-action mode.</summary>
    public string Mode { get; set; } = "recommend";

    /// <summary>Mode per action type (notify, eks-label-nodegroup, ...); missing types use <see cref="Mode"/>.</summary>
    public Dictionary<string, string> ActionModes { get; set; } = [];

    public ApprovalPolicy Approval { get; set; } = new();

    public ThresholdPolicy Thresholds { get; set; } = new();

    public CooldownPolicy Cooldowns { get; set; } = new();

    public BlastRadiusPolicy BlastRadius { get; set; } = new();

    /// <summary>UTC windows in which disruptive actions may run; empty means any time.</summary>
    public List<MaintenanceWindow> MaintenanceWindows { get; set; } = [];

    public MarkerPolicy Markers { get; set; } = new();

    /// <summary>Preferred target amiType per source amiType for a cloned node group (AL2 → AL2023).</summary>
    public List<AmiTypeMigration> AmiTypeMigrations { get; set; } = [];

    public NodegroupUpdatePolicy NodegroupUpdates { get; set; } = new();

    /// <summary>Staged node-group migrations (eks-migrate-nodegroup): off unless the policy turns them on.</summary>
    public MigrationPolicy Migration { get; set; } = new();

    public PausePolicy Pause { get; set; } = new();

    public NotificationPolicy Notifications { get; set; } = new();

    public SsmPolicy Ssm { get; set; } = new();

    public LoopGuardPolicy LoopGuard { get; set; } = new();

    public EscalationPolicy Escalation { get; set; } = new();
}
