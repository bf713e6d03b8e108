using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Where the pause switch lives: an SSM parameter whose value <c>true</c> stops every action.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PausePolicy
{
    public string ParameterName { get; set; } = "/instanton-remediate/paused";

    /// <summary>How long a read of the switch is cached in the state store.</summary>
    public int CacheSeconds { get; set; } = 60;
}
