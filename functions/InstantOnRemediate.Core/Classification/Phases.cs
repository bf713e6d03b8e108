namespace InstantOnRemediate.Core.Classification;

/// <summary>Phase names used by the catalog: a signature that needs a phase, or when a benign line is printed.</summary>
public static class Phases
{
    public const string Checkpoint = "checkpoint";
    public const string Restore = "restore";

    /// <summary>Benign lines printed by any CRIU run.</summary>
    public const string Any = "any";

    /// <summary>Benign lines that are not part of a checkpoint or restore at all (e.g. <c>criu check</c>).</summary>
    public const string None = "none";
}
