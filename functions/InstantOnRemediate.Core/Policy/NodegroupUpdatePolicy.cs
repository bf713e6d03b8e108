using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>How release rollouts are carried out: the EKS API directly, or the SSM runbook AWS-UpdateEKSManagedNodeGroup.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NodegroupUpdatePolicy
{
    /// <summary><c>eks</c> or <c>ssm-automation</c>.</summary>
    public string Via { get; set; } = "eks";

    /// <summary>Role the automation assumes (required when Via is ssm-automation).</summary>
    public string? AutomationAssumeRoleArn { get; init; }
}
