using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>eks-create-nodegroup: a clone of an incompatible node group with a compatible amiType (AL2 → AL2023).</summary>
internal sealed class EksCreateNodegroup : ActionKind<EksCreateNodegroupParameters>
{
    public override string Name => ActionTypes.EksCreateNodegroup;

    public override string? DefaultMode => Modes.Recommend;

    public override bool Rolling => true;

    public override bool TouchesNodegroup => true;

    public override bool RunsInEveryMode => false;

    public override bool FollowedByReconcile => true;

    public override FollowKind Follow => FollowKind.EksCreatedNodegroup;

    public override VerificationKind Verification => VerificationKind.LaterRestores;

    public override UndoKind Undo => UndoKind.OnExplicitRequest;

    public override ProvenOn ProvenOn => ProvenOn.CreatedNodegroup;

    public override bool CreatesNodegroup => true;

    protected override bool IsDisruptive(EksCreateNodegroupParameters parameters) => true;

    protected override string Describe(PlanAction action, EksCreateNodegroupParameters p) =>
        $"create node group {p.NodegroupName} ({p.AmiType}) in {action.Target.Cluster}, cloned from {action.Target.Nodegroup}";
}

/// <summary>The node group eks-create-nodegroup creates: a clone of <see cref="SourceNodegroup"/> with a compatible amiType.</summary>
public sealed record EksCreateNodegroupParameters : ActionParameters
{
    public string SourceNodegroup { get; init; } = "";

    public string NodegroupName { get; init; } = "";

    public string AmiType { get; init; } = "";

    public IReadOnlyList<string> InstanceTypes { get; init; } = [];

    public IReadOnlyList<string> Subnets { get; init; } = [];

    public string NodeRole { get; init; } = "";

    /// <summary>ON_DEMAND | SPOT | CAPACITY_BLOCK.</summary>
    public string? CapacityType { get; init; }

    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    public int DesiredSize { get; init; }

    /// <summary>The source's labels but the service's marker.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>MAJOR.MINOR of the source; absent: the cluster's.</summary>
    public string? KubernetesVersion { get; init; }

    public override string? Validate(ActionTarget target) =>
        ActionText.ClusterTarget(target)
        ?? (!IdentifierRules.IsNodegroupName(NodegroupName) ? "nodegroupName is not a valid node-group name (<= 63 chars of [A-Za-z0-9_-])"
        : !IdentifierRules.IsNodegroupName(SourceNodegroup) ? "sourceNodegroup is not a valid node-group name"
        : !IdentifierRules.IsAmiType(AmiType) || AmiType == "CUSTOM" ? "amiType is not an EKS-managed amiType"
        : Subnets.Count == 0 || !Subnets.All(IdentifierRules.IsSubnetId) ? "subnets are missing or invalid"
        : InstanceTypes.Count == 0 || !InstanceTypes.All(IdentifierRules.IsInstanceType) ? "instanceTypes are missing or invalid"
        : !IdentifierRules.IsRoleArn(NodeRole) ? "nodeRole is not an IAM role ARN"
        : CapacityType is not (null or "ON_DEMAND" or "SPOT" or "CAPACITY_BLOCK") ? "capacityType is not ON_DEMAND | SPOT | CAPACITY_BLOCK"
        : MinSize < 0 || MaxSize < 1 || MinSize > MaxSize || DesiredSize < MinSize || DesiredSize > MaxSize ? "minSize/maxSize/desiredSize are missing or inconsistent"
        : Labels.Any(l => !IdentifierRules.IsLabelKey(l.Key) || !IdentifierRules.IsLabelValue(l.Value)) ? "labels contain an invalid Kubernetes label"
        : KubernetesVersion is { } v && !IsKubernetesMinor(v) ? "kubernetesVersion is not MAJOR.MINOR"
        : null);

    private static bool IsKubernetesMinor(string version) =>
        version.Split('.') is [var major, var minor] && major.Length is > 0 and <= 2 && minor.Length is > 0 and <= 3
        && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit);
}
