namespace InstantOnRemediate.Core.Events;

/// <summary>Where an event happened: account, Region, cluster and (when known) node group.</summary>
public sealed record EventScope
{
    public required string Account { get; init; }

    public required string Region { get; init; }

    public required string Cluster { get; init; }

    public string? Nodegroup { get; init; }

    /// <summary>The ARN partition of <see cref="Region"/>.</summary>
    public string Partition => Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    /// <summary>The EKS cluster ARN (the event's <c>resources</c>).</summary>
    public string ClusterArn => $"arn:{Partition}:eks:{Region}:{Account}:cluster/{Cluster}";
}
