using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>The node-group label and taint that mark InstantOn-incompatible capacity.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarkerPolicy
{
    public LabelMarker Label { get; set; } = new();

    public TaintMarker Taint { get; set; } = new();
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LabelMarker
{
    public string Key { get; set; } = "instanton.openliberty.io/restore-compatible";

    public string Value { get; set; } = "false";
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaintMarker
{
    /// <summary>A taint repels every pod without a toleration, not only InstantOn ones: off unless the policy says so.</summary>
    public bool Enabled { get; init; }

    public string Key { get; set; } = "instanton.openliberty.io/restore-incompatible";

    public string Value { get; set; } = "true";

    /// <summary>EKS API spelling: NO_SCHEDULE | PREFER_NO_SCHEDULE | NO_EXECUTE (NO_EXECUTE evicts: disruptive).</summary>
    public string Effect { get; set; } = "NO_SCHEDULE";
}
