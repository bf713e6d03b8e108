namespace InstantOnRemediate.Core.Planning;

/// <summary>Remediation action types (DESIGN §4 contract values).</summary>
public static class ActionTypes
{
    public const string Notify = "notify";
    public const string EksLabelNodegroup = "eks-label-nodegroup";
    public const string EksTaintNodegroup = "eks-taint-nodegroup";
    public const string EksUpdateNodegroupVersion = "eks-update-nodegroup-version";
    public const string EksCreateNodegroup = "eks-create-nodegroup";
    public const string SsmRunCommand = "ssm-run-command";
    public const string SsmAutomation = "ssm-automation";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All =
        [Notify, EksLabelNodegroup, EksTaintNodegroup, EksUpdateNodegroupVersion, EksCreateNodegroup, SsmRunCommand, SsmAutomation, None];
}
