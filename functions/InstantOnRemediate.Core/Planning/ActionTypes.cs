namespace InstantOnRemediate.Core.Planning;

/// <summary>Remediation action type names (DESIGN §4 contract values); what each kind is lives in <see cref="Actions.ActionKinds"/>.</summary>
public static class ActionTypes
{
    public const string Notify = "notify";
    public const string EksLabelNodegroup = "eks-label-nodegroup";
    public const string EksTaintNodegroup = "eks-taint-nodegroup";
    public const string EksUpdateNodegroupVersion = "eks-update-nodegroup-version";
    public const string EksCreateNodegroup = "eks-create-nodegroup";
    public const string SsmRunCommand = "ssm-run-command";
    public const string None = "none";

    /// <summary>Every kind's name, in registry order (one list: <see cref="Actions.ActionKinds"/>).</summary>
    public static IReadOnlyList<string> All => Actions.ActionKinds.Names;
}
