using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions;

/// <summary>
/// What one kind of action is: every stage (planner, safety gates, alerts, execution, reconcile, runbook)
/// asks its definition instead of switching on the type string. Every member is abstract, so a new kind
/// that leaves a question unanswered does not compile. Register it in <see cref="ActionKinds.All"/>.
/// </summary>
public abstract class ActionKind
{
    /// <summary>The action's type on the wire (DESIGN §4 vocabulary).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Its mode when the policy's <c>actionModes</c> names none (capped by the service mode like any other); null for
    /// an entry that is never executed (<c>none</c>). The shipped default policy takes it from here.
    /// </summary>
    public abstract string? DefaultMode { get; }

    /// <summary>Replaces, adds or drains nodes: one such rollout per cluster at a time; failures during it are churn.</summary>
    public abstract bool Rolling { get; }

    /// <summary>Changes a node group (or its instances): counts against the share cap and the storm brake.</summary>
    public abstract bool TouchesNodegroup { get; }

    /// <summary>Runs in every mode (the alert); all other kinds run only under enforce.</summary>
    public abstract bool RunsInEveryMode { get; }

    /// <summary>Once executed, sets the cooldown of its keys and goes on the in-flight list reconcile follows.</summary>
    public abstract bool FollowedByReconcile { get; }

    /// <summary>How reconcile follows it to the end.</summary>
    public abstract FollowKind Follow { get; }

    /// <summary>How its effect is proven (docs/decision-order.md, verification).</summary>
    public abstract VerificationKind Verification { get; }

    /// <summary>How it is undone.</summary>
    public abstract UndoKind Undo { get; }

    /// <summary>Where a later successful restore proves that it fixed the failures (reconcile's verification).</summary>
    public abstract ProvenOn ProvenOn { get; }

    /// <summary>May create a node group, which its rollback deletes only when asked (<c>deleteCreatedNodegroup</c>).</summary>
    public abstract bool CreatesNodegroup { get; }

    /// <summary>The record its parameters are (<see cref="ActionKind{TParameters}"/>).</summary>
    public abstract Type ParametersType { get; }

    /// <summary>Disruptive for these parameters: needs an approval unless the policy exempts the kind.</summary>
    public abstract bool IsDisruptive(PlanAction action);

    /// <summary>One line for alerts and replies: what the action does to what.</summary>
    public abstract string Describe(PlanAction action);

    /// <summary>Null when the target and parameters are valid for this kind; otherwise why not (a plan can come from a file).</summary>
    public abstract string? Validate(PlanAction action);
}

/// <summary>
/// A kind whose parameters are <typeparamref name="TParameters"/>, the record declared next to its definition: the
/// questions about parameters are asked of that record, and an action whose parameters are not one (a damaged row)
/// is invalid, disruptive and described as such.
/// </summary>
public abstract class ActionKind<TParameters> : ActionKind
    where TParameters : ActionParameters
{
    public sealed override Type ParametersType => typeof(TParameters);

    public sealed override bool IsDisruptive(PlanAction action) =>
        action?.Parameters is not TParameters parameters || IsDisruptive(parameters);

    public sealed override string Describe(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Parameters is TParameters parameters
            ? Describe(action, parameters)
            : $"{Name} on {Definitions.ActionText.Where(action.Target)} (parameters unusable: {Problem(action)})";
    }

    public sealed override string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Parameters is TParameters parameters ? parameters.Validate(action.Target) : Problem(action);
    }

    /// <summary>Disruptive for these parameters.</summary>
    protected abstract bool IsDisruptive(TParameters parameters);

    /// <summary>One line for alerts and replies.</summary>
    protected abstract string Describe(PlanAction action, TParameters parameters);

    private string Problem(PlanAction action) =>
        action.Parameters is UnreadParameters unread ? unread.Problem : $"they are not the parameters of {Name}";
}

/// <summary>How reconcile follows an executed action.</summary>
public enum FollowKind
{
    /// <summary>Nothing to follow (an alert, a plan entry).</summary>
    None,

    /// <summary>An EKS node-group update (DescribeUpdate / DescribeNodegroup).</summary>
    EksUpdate,

    /// <summary>A node group the action created, until ACTIVE.</summary>
    EksCreatedNodegroup,

    /// <summary>An SSM Run Command, per instance.</summary>
    SsmCommand,
}

/// <summary>How the effect of an executed action is proven.</summary>
public enum VerificationKind
{
    /// <summary>Not verified (an alert, diagnostics).</summary>
    None,

    /// <summary>Later restores of the same workloads succeed on the node group it changed (or created).</summary>
    LaterRestores,

    /// <summary>The marker is on the node group (labels/taints as read back from EKS).</summary>
    Marker,
}

/// <summary>Where reconcile looks for the successful restores that prove an executed action fixed the failures.</summary>
public enum ProvenOn
{
    /// <summary>Not verified from restores (an alert, read-only diagnostics, a migration: its own verify stage).</summary>
    Nowhere,

    /// <summary>The node group the action created (its reference).</summary>
    CreatedNodegroup,

    /// <summary>The node group it changed (a release update, a node-config fix).</summary>
    SameNodegroup,

    /// <summary>The cluster's other compatible node groups (a label or taint steers the workloads there).</summary>
    CompatibleNodegroups,
}

/// <summary>How an executed action is undone.</summary>
public enum UndoKind
{
    /// <summary>Nothing to undo (alert, read-only diagnostics).</summary>
    Nothing,

    /// <summary>Reversed by the runbook rollback (remove the label/taint, run the undo document).</summary>
    Reversible,

    /// <summary>Undone only on an explicit request (delete a created node group).</summary>
    OnExplicitRequest,

    /// <summary>No automatic undo (EKS does not roll releases back): by hand.</summary>
    Manual,
}
