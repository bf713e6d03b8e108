namespace InstantOnRemediate.Core.State;

/// <summary>
/// Everything the service remembers between invocations. Implementations: DynamoDB (one table, conditional
/// writes, TTL) in Lambda, a directory of JSON files for the CLI. Methods that "win once" use conditional writes
/// so duplicate deliveries and concurrent invocations produce one effect.
/// </summary>
public interface IStateStore
{
    /// <summary>Marks a log event processed; true the first time (dedupe on log group + event id), false for a duplicate.</summary>
    Task<bool> TryMarkEventProcessedAsync(string logGroup, string eventId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Whether a log event (or finding) was already marked processed.</summary>
    Task<bool> IsEventProcessedAsync(string logGroup, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Remembers a failing restore (idempotent per finding id).</summary>
    Task RecordFailureAsync(FailureObservation failure, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FailureObservation>> GetRecentFailuresAsync(string cluster, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Claims an action before it runs; true for exactly one caller while the claim lives.</summary>
    Task<bool> TryClaimActionAsync(ActionClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back after its action failed for a transient reason, so a retry can claim it again.</summary>
    Task ReleaseClaimAsync(string actionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ActionClaim>> GetRecentClaimsAsync(string cluster, DateTimeOffset since, CancellationToken cancellationToken = default);

    Task SetCooldownAsync(CooldownRecord cooldown, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CooldownRecord>> GetCooldownsAsync(string cluster, CancellationToken cancellationToken = default);

    Task PutInFlightAsync(InFlightAction action, CancellationToken cancellationToken = default);

    Task RemoveInFlightAsync(string cluster, string actionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InFlightAction>> GetInFlightAsync(string cluster, CancellationToken cancellationToken = default);

    Task RecordVerifiedFixAsync(VerifiedFix fix, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VerifiedFix>> GetVerifiedFixesAsync(string cluster, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> GetAuditAsync(string cluster, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Counts one observed restore for an AMI release; a finding id is counted once.</summary>
    Task RecordRestoreOutcomeAsync(string amiType, string releaseVersion, bool success, string findingId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RestoreOutcomeCounts>> GetRestoreOutcomesAsync(CancellationToken cancellationToken = default);

    /// <summary>Records an action awaiting approval; keeps the first PendingSince when called again.</summary>
    Task RecordPendingApprovalAsync(string cluster, string actionId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Marks an action approved (runbook apply); false when it was never pending.</summary>
    Task<bool> ApproveAsync(string cluster, string actionId, string approvedBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApprovalRecord>> GetApprovalsAsync(string cluster, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a plan action (awaiting approval or carried out) under its id, so the runbook can approve, carry out
    /// or roll back exactly what was planned. Saving again replaces it (its latest status).
    /// </summary>
    Task SaveActionAsync(Planning.PlanAction action, CancellationToken cancellationToken = default);

    /// <summary>The action saved under <paramref name="actionId"/>, or null when unknown or expired.</summary>
    Task<Planning.PlanAction?> GetActionAsync(string actionId, CancellationToken cancellationToken = default);

    /// <summary>Keeps a node-group migration (its stage, what each stage did); saving again replaces it.</summary>
    Task SaveMigrationAsync(Migration.MigrationRecord migration, CancellationToken cancellationToken = default);

    /// <summary>The cluster's migrations, running and recently finished, oldest first.</summary>
    Task<IReadOnlyList<Migration.MigrationRecord>> GetMigrationsAsync(string cluster, CancellationToken cancellationToken = default);

    /// <summary>Keeps what a node of the group reported (one record per node group; saving again replaces it).</summary>
    Task RecordNodeProbeAsync(NodeProbeRecord probe, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The cluster's recorded node probes, one per node group, unexpired.</summary>
    Task<IReadOnlyList<NodeProbeRecord>> GetNodeProbesAsync(string cluster, CancellationToken cancellationToken = default);

    Task SetPauseAsync(PauseState pause, CancellationToken cancellationToken = default);

    /// <summary>The cached pause switch, or null when never read or no longer valid.</summary>
    Task<PauseState?> GetPauseAsync(CancellationToken cancellationToken = default);
}
