using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Quiet periods per (cluster, node group, cause): after an action, and after a fix was verified.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CooldownPolicy
{
    public int AfterActionMinutes { get; set; } = 360;

    public int SuppressAfterVerifiedFixMinutes { get; set; } = 1440;
}
