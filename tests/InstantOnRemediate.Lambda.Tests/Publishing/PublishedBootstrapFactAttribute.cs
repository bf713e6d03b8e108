using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Publishing;

/// <summary>A fact about the published native binary; skipped, saying how to build it, when it is not there.</summary>
public sealed class PublishedBootstrapFactAttribute : FactAttribute
{
    public PublishedBootstrapFactAttribute()
    {
        if (!File.Exists(BootstrapPath))
        {
            Skip = $"{BootstrapPath} is not built: run 'make publish' (make test publishes before testing)";
        }
    }

    public static string BootstrapPath => Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");
}
