namespace InstantOnRemediate.Aws.Eks.Wire;

/// <summary>UpdateNodegroupConfig body members (clusterName and nodegroupName travel in the URI).</summary>
internal sealed record UpdateNodegroupConfigBody(
    UpdateLabelsPayload? Labels,
    UpdateTaintsPayload? Taints,
    NodegroupScalingConfig? ScalingConfig,
    NodegroupUpdateConfig? UpdateConfig,
    string ClientRequestToken);
