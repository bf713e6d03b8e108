namespace InstantOnRemediate.Core.Planning;

/// <summary>Remediation action type names (DESIGN §4 contract values); what each kind is lives in <see cref="Actions.ActionKinds"/>.</summary>
public static class ActionTypes
{
    public const string Notify = "notify";
    public const string EksLabelNodegroup = "eks-label-nodegroup";
    public const string EksTaintNodegroup = "eks-taint-nodegroup";
    public const string EksUpdateNodegroupVersion = "eks-update-nodegroup-version";
    public const string EksCreateNodegroup = "eks-create-nodegroup";
    public const string EksMigrateNodegroup = "eks-migrate-nodegroup";
    public const string SsmRunCommand = "ssm-run-command";
    public const string None = "none";

    /// <summary>Every kind's name, in registry order (one list: <see cref="Actions.ActionKinds"/>).</summary>
    public static IReadOnlyList<string> All => Actions.ActionKinds.Names;

    /// <summary>
    /// The action type vocabulary of the public response contract (DESIGN §4). The service produces a subset:
    /// <c>ssm-automation</c> stays in the vocabulary for consumers but is never planned (the stack creates no
    /// automation role); kinds added later are listed in the README's contract notes (eks-migrate-nodegroup: the staged node-group migration).
    /// </summary>
    public static readonly IReadOnlyList<string> Contract =
        ["notify", "eks-label-nodegroup", "eks-taint-nodegroup", "eks-update-nodegroup-version", "eks-create-nodegroup", "ssm-run-command", "ssm-automation", "eks-migrate-nodegroup", "none"];
}
