namespace InstantOnRemediate.Core.Classification;

/// <summary>What a restore/checkpoint marker line says about its attempt.</summary>
public static class MarkerKinds
{
    public const string RestoreFailed = "restore-failed";
    public const string RestoreSucceeded = "restore-succeeded";
    public const string CheckpointRequested = "checkpoint-requested";
    public const string CheckpointFailed = "checkpoint-failed";

    /// <summary>A CRIU <c>Error (criu/…)</c> line: failure content even without any other marker.</summary>
    public const string CriuError = "criu-error";

    /// <summary>Something failed and says so (a test's <c>*_FAILED</c>, <c>--- FAIL:</c>): a checkpoint failure when the episode is a checkpoint, else a restore failure.</summary>
    public const string Failed = "failed";

    /// <summary>A restore was started (<c>criu restore</c>, <c>podman container restore</c>, …): later crashes belong to it.</summary>
    public const string RestoreAttempt = "restore-attempt";

    /// <summary>The process crashed (JVM dump, SIGSEGV/SIGILL report): a restore failure when it follows a restore.</summary>
    public const string Crashed = "crashed";

    /// <summary>
    /// CRIU's feature check ran (<c>criu check</c>, its "Looks good." / "Does not look good." line): its errors are
    /// findings about the node, not a failed attempt, unless the episode also shows a checkpoint or restore.
    /// </summary>
    public const string CheckRun = "check-run";

    public static readonly IReadOnlyList<string> All = [RestoreFailed, RestoreSucceeded, CheckpointRequested, CheckpointFailed, CriuError, Failed, RestoreAttempt, Crashed, CheckRun];
}
