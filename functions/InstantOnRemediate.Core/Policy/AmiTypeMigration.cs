using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>The amiType a cloned node group gets when the source amiType cannot restore (UpdateNodegroupVersion cannot change it).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AmiTypeMigration
{
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    /// <summary>Appended to the source node-group name: <c>&lt;old&gt;-&lt;suffix&gt;</c>.</summary>
    public string NameSuffix { get; set; } = "al2023";
}
