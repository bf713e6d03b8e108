namespace InstantOnRemediate.Aws.Inventory;

/// <summary>What EC2 says about the instance behind a node: ids, AMI, type, and the tags that name its node group.</summary>
internal sealed record Ec2InstanceFacts
{
    public required string InstanceId { get; init; }

    public string? PrivateDnsName { get; init; }

    public string? ImageId { get; init; }

    public string? InstanceType { get; init; }

    public string? Architecture { get; init; }

    public string? State { get; init; }

    /// <summary>Tag <c>eks:nodegroup-name</c> (managed node groups).</summary>
    public string? NodegroupTag { get; init; }

    /// <summary>Tag <c>aws:autoscaling:groupName</c> (set by the Auto Scaling group).</summary>
    public string? AutoScalingGroup { get; init; }
}
