using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Actions.Definitions;

/// <summary>notify: the alert to people (SNS). Runs in every mode; rate-limited by its claim.</summary>
internal sealed class Notify : ActionKind<NotifyParameters>
{
    public override string Name => ActionTypes.Notify;

    public override string? DefaultMode => Modes.Enforce;

    public override bool Rolling => false;

    public override bool TouchesNodegroup => false;

    public override bool RunsInEveryMode => true;

    public override bool FollowedByReconcile => false;

    public override FollowKind Follow => FollowKind.None;

    public override VerificationKind Verification => VerificationKind.None;

    public override UndoKind Undo => UndoKind.Nothing;

    public override ProvenOn ProvenOn => ProvenOn.Nowhere;

    public override bool CreatesNodegroup => false;

    protected override bool IsDisruptive(NotifyParameters parameters) => false;

    protected override string Describe(PlanAction action, NotifyParameters p) => "notify: " + (p.Summary ?? "people are told");
}

/// <summary>
/// What the alert says beyond the action itself: the counts behind it, the fix, where to steer the workload and
/// what else the plan does. Derived values only (names validated by the inventory, fixed advice text), never log lines.
/// </summary>
public sealed record NotifyParameters : ActionParameters
{
    public string Cause { get; init; } = "";

    /// <summary>The remedy class of the cause.</summary>
    public string Remedy { get; init; } = "";

    /// <summary>Failed restores the alert counts (in the window).</summary>
    public int Failures { get; init; }

    /// <summary>Failures older than the window (delivered late or replayed); absent when none.</summary>
    public int? OldFailures { get; init; }

    public int Pods { get; init; }

    public IReadOnlyList<string> PodNames { get; init; } = [];

    public int WindowMinutes { get; init; }

    /// <summary>ISO-8601 time of the first failure counted.</summary>
    public string FirstSeen { get; init; } = "";

    /// <summary>The node groups the failures are on (the cooldown keys of an alert without one node group).</summary>
    public IReadOnlyList<string> Nodegroups { get; init; } = [];

    public string Fix { get; init; } = "";

    /// <summary>Why the node-group actions are held, when they are.</summary>
    public string? ActionsHeld { get; init; }

    /// <summary>Remediation is paused: alert only.</summary>
    public bool? Paused { get; init; }

    /// <summary>A storm: node-group changes are held.</summary>
    public bool? Storm { get; init; }

    /// <summary>Node affinity that keeps InstantOn pods off marked node groups (node-kernel causes).</summary>
    public string? Affinity { get; init; }

    /// <summary>Node groups of the cluster that can restore InstantOn (node-kernel causes; empty when there is none).</summary>
    public IReadOnlyList<string>? CompatibleNodegroups { get; init; }

    public string? NodeSelector { get; init; }

    /// <summary>Instance types of the failing node groups (hardware causes).</summary>
    public IReadOnlyList<string>? FailingInstanceTypes { get; init; }

    public IReadOnlyList<string>? FailingArchitectures { get; init; }

    /// <summary>The other actions of the plan for the same cause, one line each: type, subject, status.</summary>
    public IReadOnlyList<string>? Actions { get; init; }

    /// <summary>ISO-8601 time people were last told about this group: this alert is a follow-up.</summary>
    public string? PreviousAlert { get; init; }

    /// <summary>One line for replies (an alert composed elsewhere than the planner).</summary>
    public string? Summary { get; init; }

    public override string? Validate(ActionTarget target) => null;
}
