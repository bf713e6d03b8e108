namespace InstantOnRemediate.Core.Classification;

/// <summary>Evidence and benign lines are quoted to people and stored: at most <see cref="MaxChars"/> characters each.</summary>
public static class EvidenceText
{
    public const int MaxChars = 512;

    /// <summary>Appended to a line that was cut.</summary>
    public const string Ellipsis = " …";

    public static string Bound(ReadOnlySpan<char> line) =>
        line.Length <= MaxChars ? line.ToString() : string.Concat(line[..MaxChars], Ellipsis);
}
