namespace InstantOnRemediate.Core.Classification;

/// <summary>What one restore attempt came to (DESIGN §4 contract values).</summary>
public static class Verdicts
{
    public const string RestoreFailure = "restore-failure";
    public const string CheckpointFailure = "checkpoint-failure";
    public const string RestoreSuccess = "restore-success";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [RestoreFailure, CheckpointFailure, RestoreSuccess, None];
}
