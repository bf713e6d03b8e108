namespace InstantOnRemediate.Aws.Eks;

// Request/response shapes of the EKS operations we call, named as in the EKS API model (eks/2017-11-01) and
// AWSSDK.EKS. Only the members the service reads or writes are present; unknown response members are ignored.

public sealed record ListNodegroupsRequest
{
    public required string ClusterName { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListNodegroupsResponse
{
    public List<string> Nodegroups { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record DescribeNodegroupRequest
{
    public required string ClusterName { get; init; }
    public required string NodegroupName { get; init; }
}

public sealed record DescribeNodegroupResponse
{
    public Nodegroup? Nodegroup { get; init; }
}

public sealed record DescribeClusterRequest
{
    public required string Name { get; init; }
}

public sealed record DescribeClusterResponse
{
    public Cluster? Cluster { get; init; }
}

public sealed record Cluster
{
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public string? Version { get; init; }
    public string? Endpoint { get; init; }
    public string? Status { get; init; }
    public string? PlatformVersion { get; init; }
    public Dictionary<string, string> Tags { get; init; } = [];
}

public sealed record Nodegroup
{
    public string? NodegroupName { get; init; }
    public string? NodegroupArn { get; init; }
    public string? ClusterName { get; init; }
    public string? Version { get; init; }
    public string? ReleaseVersion { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public string? Status { get; init; }
    public string? CapacityType { get; init; }
    public NodegroupScalingConfig? ScalingConfig { get; init; }
    public List<string> InstanceTypes { get; init; } = [];
    public List<string> Subnets { get; init; } = [];
    public string? AmiType { get; init; }
    public string? NodeRole { get; init; }
    public Dictionary<string, string> Labels { get; init; } = [];
    public List<Taint> Taints { get; init; } = [];
    public NodegroupResources? Resources { get; init; }
    public int? DiskSize { get; init; }
    public LaunchTemplateSpecification? LaunchTemplate { get; init; }
    public NodegroupUpdateConfig? UpdateConfig { get; init; }
    public Dictionary<string, string> Tags { get; init; } = [];
}

public sealed record NodegroupScalingConfig
{
    public int? MinSize { get; init; }
    public int? MaxSize { get; init; }
    public int? DesiredSize { get; init; }
}

public sealed record NodegroupResources
{
    public List<AutoScalingGroup> AutoScalingGroups { get; init; } = [];
    public string? RemoteAccessSecurityGroup { get; init; }
}

public sealed record AutoScalingGroup
{
    public string? Name { get; init; }
}

/// <summary>Taint effect in API spelling: NO_SCHEDULE | NO_EXECUTE | PREFER_NO_SCHEDULE.</summary>
public sealed record Taint
{
    public string? Key { get; init; }
    public string? Value { get; init; }
    public string? Effect { get; init; }
}

public sealed record LaunchTemplateSpecification
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Id { get; init; }
}

public sealed record NodegroupUpdateConfig
{
    public int? MaxUnavailable { get; init; }
    public int? MaxUnavailablePercentage { get; init; }
    public string? UpdateStrategy { get; init; }
}

public sealed record UpdateLabelsPayload
{
    public Dictionary<string, string>? AddOrUpdateLabels { get; init; }
    public List<string>? RemoveLabels { get; init; }
}

public sealed record UpdateTaintsPayload
{
    public List<Taint>? AddOrUpdateTaints { get; init; }
    public List<Taint>? RemoveTaints { get; init; }
}

public sealed record UpdateNodegroupConfigRequest
{
    public required string ClusterName { get; init; }
    public required string NodegroupName { get; init; }
    public UpdateLabelsPayload? Labels { get; init; }
    public UpdateTaintsPayload? Taints { get; init; }
    public NodegroupScalingConfig? ScalingConfig { get; init; }
    public NodegroupUpdateConfig? UpdateConfig { get; init; }

    /// <summary>Idempotency token; send a stable one per logical action so retries cannot act twice.</summary>
    public string? ClientRequestToken { get; init; }
}

public sealed record UpdateNodegroupConfigResponse
{
    public Update? Update { get; init; }
}

public sealed record UpdateNodegroupVersionRequest
{
    public required string ClusterName { get; init; }
    public required string NodegroupName { get; init; }
    public string? Version { get; init; }
    public string? ReleaseVersion { get; init; }
    public LaunchTemplateSpecification? LaunchTemplate { get; init; }
    public bool? Force { get; init; }
    public string? ClientRequestToken { get; init; }
}

public sealed record UpdateNodegroupVersionResponse
{
    public Update? Update { get; init; }
}

public sealed record CreateNodegroupRequest
{
    public required string ClusterName { get; init; }
    public required string NodegroupName { get; init; }
    public required List<string> Subnets { get; init; }
    public required string NodeRole { get; init; }
    public NodegroupScalingConfig? ScalingConfig { get; init; }
    public int? DiskSize { get; init; }
    public List<string>? InstanceTypes { get; init; }
    public string? AmiType { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
    public List<Taint>? Taints { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
    public string? ClientRequestToken { get; init; }
    public LaunchTemplateSpecification? LaunchTemplate { get; init; }
    public NodegroupUpdateConfig? UpdateConfig { get; init; }
    public string? CapacityType { get; init; }
    public string? Version { get; init; }
    public string? ReleaseVersion { get; init; }
}

public sealed record CreateNodegroupResponse
{
    public Nodegroup? Nodegroup { get; init; }
}

public sealed record DeleteNodegroupRequest
{
    public required string ClusterName { get; init; }
    public required string NodegroupName { get; init; }
}

public sealed record DeleteNodegroupResponse
{
    public Nodegroup? Nodegroup { get; init; }
}

public sealed record DescribeUpdateRequest
{
    public required string Name { get; init; }
    public required string UpdateId { get; init; }

    /// <summary>Required by EKS when the update is a node-group update.</summary>
    public string? NodegroupName { get; init; }
}

public sealed record DescribeUpdateResponse
{
    public Update? Update { get; init; }
}

public sealed record ListUpdatesRequest
{
    public required string Name { get; init; }
    public string? NodegroupName { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListUpdatesResponse
{
    public List<string> UpdateIds { get; init; } = [];
    public string? NextToken { get; init; }
}

/// <summary>An EKS update: status InProgress | Failed | Cancelled | Successful.</summary>
public sealed record Update
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? Type { get; init; }
    public List<UpdateParam> Params { get; init; } = [];
    public DateTimeOffset? CreatedAt { get; init; }
    public List<ErrorDetail> Errors { get; init; } = [];
}

public sealed record UpdateParam
{
    public string? Type { get; init; }
    public string? Value { get; init; }
}

public sealed record ErrorDetail
{
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public List<string> ResourceIds { get; init; } = [];
}
