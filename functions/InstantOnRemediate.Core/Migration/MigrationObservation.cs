namespace InstantOnRemediate.Core.Migration;

/// <summary>What reconcile saw of a migration's world this run (all read before the stage machine decides).</summary>
public sealed record MigrationObservation
{
    /// <summary>The old group; null when it is gone.</summary>
    public ObservedNodegroup? Source { get; init; }

    /// <summary>The target group; null when it is not visible (yet).</summary>
    public ObservedNodegroup? Target { get; init; }

    /// <summary>Status of the record's pending EKS update (InProgress | Successful | Failed | Cancelled); null when unknown or none.</summary>
    public string? PendingUpdateStatus { get; init; }

    /// <summary>Successful restores of the migrated workloads on the target since the old group was fenced.</summary>
    public int TargetSuccesses { get; init; }

    /// <summary>Failed restores on the old group since it was fenced.</summary>
    public int SourceFailuresSinceFence { get; init; }

    /// <summary>The pause switch is on: the migration stops between stages.</summary>
    public bool Paused { get; init; }

    /// <summary>A maintenance window is open (or none is configured): disruptive steps (drain) may run.</summary>
    public bool InMaintenanceWindow { get; init; } = true;

    /// <summary>The next maintenance window, in words, when outside one.</summary>
    public string? MaintenanceNote { get; init; }

    /// <summary>More failing node groups than the storm brake allows: node-group changes are held.</summary>
    public bool StormHeld { get; init; }

    /// <summary>Status of the retire (delete) action: null when not requested yet.</summary>
    public string? RetireActionStatus { get; init; }
}

/// <summary>A node group as DescribeNodegroup and EC2 (instances by the group's Auto Scaling group tag) show it.</summary>
public sealed record ObservedNodegroup
{
    public required string Name { get; init; }

    public string? Status { get; init; }

    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    public int DesiredSize { get; init; }

    /// <summary>Instances in state pending or running.</summary>
    public int RunningInstances { get; init; }

    /// <summary>The migration's fence (taint or label) is on the group.</summary>
    public bool Fenced { get; init; }
}
