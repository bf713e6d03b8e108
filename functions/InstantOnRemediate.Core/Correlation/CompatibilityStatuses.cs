namespace InstantOnRemediate.Core.Correlation;

/// <summary>Whether a node (group) can restore InstantOn images.</summary>
public static class CompatibilityStatuses
{
    public const string Compatible = "compatible";
    public const string Incompatible = "incompatible";
    public const string Unknown = "unknown";

    /// <summary>Contract form: true, false, or null for unknown.</summary>
    public static bool? ToBool(string status) => status switch
    {
        Compatible => true,
        Incompatible => false,
        _ => null,
    };
}
