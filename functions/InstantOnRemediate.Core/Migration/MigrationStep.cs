namespace InstantOnRemediate.Core.Migration;

/// <summary>What the stage machine decided for one migration this run.</summary>
public sealed record MigrationStep
{
    public required MigrationStepKind Kind { get; init; }

    /// <summary>The stage after this step.</summary>
    public required string Stage { get; init; }

    public MigrationOperation Operation { get; init; } = MigrationOperation.None;

    /// <summary>For <see cref="MigrationOperation.Scale"/>: the old group's new desired and minimum size.</summary>
    public int? DesiredSize { get; init; }

    public int? MinSize { get; init; }

    /// <summary>Why, in words a person understands.</summary>
    public required string Reason { get; init; }

    /// <summary>The stage event people are told about (<see cref="MigrationAlerts"/>), or null.</summary>
    public string? Alert { get; init; }
}

public enum MigrationStepKind
{
    /// <summary>Nothing to do this run (waiting for EKS, for proof, for a window, or paused).</summary>
    Wait,

    /// <summary>Carry out <see cref="MigrationStep.Operation"/> in the current stage.</summary>
    Act,

    /// <summary>The current stage is finished: move to <see cref="MigrationStep.Stage"/>.</summary>
    Advance,

    /// <summary>The stage waited longer than the policy allows, or EKS reports a failure: tell people once, stay.</summary>
    Stalled,

    /// <summary>The migration is finished.</summary>
    Complete,
}

public enum MigrationOperation
{
    None,

    /// <summary>Put the fence on the old group (UpdateNodegroupConfig taints or labels).</summary>
    Fence,

    /// <summary>Scale the old group down one step (UpdateNodegroupConfig scalingConfig; EKS drains the nodes it removes).</summary>
    Scale,

    /// <summary>Ask for the separate approval to delete the old group.</summary>
    RequestRetireApproval,
}

/// <summary>The stage events people are told about, one alert thread per migration.</summary>
public static class MigrationAlerts
{
    public const string Started = "started";
    public const string TargetReady = "target-ready";
    public const string Fenced = "fenced";
    public const string Drained = "drained";
    public const string Verified = "verified";
    public const string Retired = "retired";
    public const string Stalled = "stalled";
    public const string RetireApproval = "retire-approval";
    public const string RolledBack = "rolled-back";
}
