using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>How release rollouts are carried out: the EKS API directly, or the SSM runbook AWS-UpdateEKSManagedNodeGroup.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NodegroupUpdatePolicy
{
    /// <summary><c>eks</c> (UpdateNodegroupVersion), the only way the stack can carry out.</summary>
    public string Via { get; set; } = "eks";

    /// <summary>Accepted for policies written for earlier versions; unused (no SSM Automation path).</summary>
    public string? AutomationAssumeRoleArn { get; init; }
}
