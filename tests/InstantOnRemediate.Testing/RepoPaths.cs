namespace InstantOnRemediate.Testing;

/// <summary>Locations every test suite shares: the repository root, events/, the labelled corpus in tests/data.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Events => Path.Combine(Root, "events");

    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The labelled CRIU / OpenJ9 / Liberty corpus the repository carries (index.jsonl, split.json, sources in its README).</summary>
    public static string CriuCorpus => Path.Combine(Root, "tests", "data", "corpus", "criu");

    public static string Event(params string[] parts) => Path.Combine([Events, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InstantOnRemediate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("InstantOnRemediate.sln not found above " + AppContext.BaseDirectory);
    }
}
