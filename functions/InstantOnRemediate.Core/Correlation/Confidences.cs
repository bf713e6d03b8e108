namespace InstantOnRemediate.Core.Correlation;

/// <summary>How sure a correlation answer is: high (probe, the log itself), medium/low (catalog), none.</summary>
public static class Confidences
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [High, Medium, Low, None];

    /// <summary>3 for high … 0 for none (unknown strings rank as none).</summary>
    public static int Rank(string? confidence) => confidence switch
    {
        High => 3,
        Medium => 2,
        Low => 1,
        _ => 0,
    };

    /// <summary>The lower of two confidences.</summary>
    public static string Min(string a, string b) => Rank(a) <= Rank(b) ? a : b;
}
