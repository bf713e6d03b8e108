namespace InstantOnRemediate.Core.Planning;

/// <summary>What an action touches. Every identifier here has been validated against its AWS/Kubernetes grammar.</summary>
public sealed record ActionTarget
{
    public string? Cluster { get; init; }

    public string? Nodegroup { get; init; }

    /// <summary>EC2 instance ids (SSM commands).</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>SNS topic or other recipient for notify actions.</summary>
    public string? Recipient { get; init; }
}
