namespace InstantOnRemediate.Aws.Eks.Wire;

/// <summary>CreateNodegroup body members (clusterName travels in the URI).</summary>
internal sealed record CreateNodegroupBody
{
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
    public required string ClientRequestToken { get; init; }
    public LaunchTemplateSpecification? LaunchTemplate { get; init; }
    public NodegroupUpdateConfig? UpdateConfig { get; init; }
    public string? CapacityType { get; init; }
    public string? Version { get; init; }
    public string? ReleaseVersion { get; init; }

    public static CreateNodegroupBody From(CreateNodegroupRequest request, string clientRequestToken) => new()
    {
        NodegroupName = request.NodegroupName,
        Subnets = request.Subnets,
        NodeRole = request.NodeRole,
        ScalingConfig = request.ScalingConfig,
        DiskSize = request.DiskSize,
        InstanceTypes = request.InstanceTypes,
        AmiType = request.AmiType,
        Labels = request.Labels,
        Taints = request.Taints,
        Tags = request.Tags,
        ClientRequestToken = clientRequestToken,
        LaunchTemplate = request.LaunchTemplate,
        UpdateConfig = request.UpdateConfig,
        CapacityType = request.CapacityType,
        Version = request.Version,
        ReleaseVersion = request.ReleaseVersion,
    };
}
