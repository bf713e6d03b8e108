namespace InstantOnRemediate.Core.Planning;

/// <summary>How far the service may go: observe (findings + alerts), recommend (plans), enforce (execute).</summary>
public static class Modes
{
    public const string Observe = "observe";
    public const string Recommend = "recommend";
    public const string Enforce = "enforce";

    public static readonly IReadOnlyList<string> All = [Observe, Recommend, Enforce];
}
