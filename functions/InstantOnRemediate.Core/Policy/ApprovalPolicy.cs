using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Who must say yes first: disruptive actions wait for an approval through the runbook unless exempted.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ApprovalPolicy
{
    public bool RequiredForDisruptive { get; set; } = true;

    /// <summary>Disruptive action types that may run without an approval (e.g. eks-update-nodegroup-version).</summary>
    public List<string> Exempt { get; set; } = [];
}
