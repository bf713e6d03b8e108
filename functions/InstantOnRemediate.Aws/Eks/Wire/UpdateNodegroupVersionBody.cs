namespace InstantOnRemediate.Aws.Eks.Wire;

/// <summary>UpdateNodegroupVersion body members (clusterName and nodegroupName travel in the URI).</summary>
internal sealed record UpdateNodegroupVersionBody(
    string? Version,
    string? ReleaseVersion,
    LaunchTemplateSpecification? LaunchTemplate,
    bool? Force,
    string ClientRequestToken);
