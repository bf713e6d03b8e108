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

    public static readonly IReadOnlyList<string> All = [RestoreFailed, RestoreSucceeded, CheckpointRequested, CheckpointFailed, CriuError];
}
