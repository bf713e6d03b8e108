namespace InstantOnRemediate.Core.Migration;

/// <summary>The stages of a node-group migration, in order; <see cref="Done"/> and <see cref="RolledBack"/> end it.</summary>
public static class MigrationStages
{
    public const string Prepare = "prepare";
    public const string WaitTarget = "wait-target";
    public const string Fence = "fence";
    public const string Drain = "drain";
    public const string Verify = "verify";
    public const string Retire = "retire";
    public const string Done = "done";
    public const string RolledBack = "rolled-back";

    public static readonly IReadOnlyList<string> Ordered = [Prepare, WaitTarget, Fence, Drain, Verify, Retire, Done];

    public static bool IsFinal(string stage) => stage is Done or RolledBack;
}
