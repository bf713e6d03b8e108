using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>How much evidence before acting: N failures of one cause on one node group within a window across ≥ M pods.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ThresholdPolicy
{
    public int Failures { get; set; } = 3;

    public int DistinctPods { get; set; } = 2;

    public int WindowMinutes { get; set; } = 30;
}
