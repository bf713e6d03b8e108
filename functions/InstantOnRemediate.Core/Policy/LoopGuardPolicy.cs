using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Never react to the service's own logs (or other sources listed here).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LoopGuardPolicy
{
    public List<string> IgnoreLogGroupPrefixes { get; set; } = ["/aws/lambda/instanton-remediate"];

    public List<string> IgnoreNamespaces { get; set; } = [];
}
