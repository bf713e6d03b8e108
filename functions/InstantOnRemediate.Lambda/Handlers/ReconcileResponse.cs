namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>The reconcile function's report for one scheduled run.</summary>
internal sealed record ReconcileResponse
{
    public required string Mode { get; init; }

    /// <summary>The schedule event's id and time, when it carried them.</summary>
    public string? EventId { get; init; }

    public DateTimeOffset? ScheduledTime { get; init; }

    /// <summary>In-flight node-group updates and SSM commands followed this run.</summary>
    public int Followed { get; init; }

    /// <summary>Node groups audited for InstantOn compatibility this run.</summary>
    public int Audited { get; init; }

    public required string Status { get; init; }

    public required string Reason { get; init; }
}
