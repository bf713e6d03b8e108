using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Classification;

/// <summary>
/// The one place that checks the classification vocabularies against each other: the catalog
/// (Data/signatures.json) defines the causes and their remedy classes, the code names a few of them
/// (<see cref="CauseIds"/>), <see cref="RemedyClasses"/> and <see cref="MarkerKinds"/> are code, and the schema
/// repeats the closed lists. Adding a cause is a catalog edit (entry + wording); this test then says whether the
/// DESIGN §4 contract still holds.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly string DataDir = Path.Combine(RepoPaths.Root, "functions", "InstantOnRemediate.Core", "Data");

    /// <summary>DESIGN §4: the fixed cause vocabulary and the remedy class of each cause.</summary>
    private static readonly Dictionary<string, string> DesignRemedies = new()
    {
        ["rseq-ptrace-unsupported"] = "node-kernel", ["vdso"] = "node-kernel",
        ["ptrace-restricted"] = "node-config", ["selinux-netlink-blocked"] = "node-config", ["selinux-denied-mmap"] = "node-config",
        ["lsm-profile"] = "node-config", ["cgroup"] = "node-config", ["memory-overcommit"] = "node-config", ["runtime-regression"] = "node-config",
        ["seccomp"] = "pod-spec", ["seccomp-clone3-ns-last-pid"] = "pod-spec", ["missing-capability"] = "pod-spec", ["prctl-set-mm-eperm"] = "pod-spec",
        ["rseq-criu-unaware"] = "image", ["file-mismatch"] = "image", ["external-unix-socket"] = "image", ["io-uring"] = "image",
        ["ghost-file-limit"] = "image", ["incomplete-image"] = "image", ["criu-not-installed"] = "image", ["jvm-restore-options"] = "image",
        ["jvm-restore-hook-failure"] = "image", ["liberty-unsupported-feature"] = "image", ["liberty-security-manager"] = "image",
        ["cpu-feature-mismatch"] = "hardware", ["arch-mismatch"] = "hardware",
        ["pid-conflict"] = "transient", ["mount-namespace"] = "transient", ["socket-restore"] = "transient",
        ["unknown"] = "unknown",
    };

    [Fact]
    public void Vocabularies_CatalogCodeAndSchema_Agree()
    {
        var catalog = SignatureCatalog.LoadEmbedded();
        var causes = catalog.Document.Causes.ToDictionary(c => c.Id, c => c.Remedy, StringComparer.Ordinal);

        // Causes: the catalog is the vocabulary; CauseIds.All is read from it; it is the DESIGN contract.
        Assert.Equal(catalog.Document.Causes.Select(c => c.Id), CauseIds.All);
        Assert.Equal(DesignRemedies.OrderBy(kv => kv.Key, StringComparer.Ordinal), causes.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.All(new[] { CauseIds.RseqPtraceUnsupported, CauseIds.RseqCriuUnaware, CauseIds.Unknown }, id => Assert.Contains(id, causes.Keys));
        Assert.DoesNotContain(CauseIds.None, causes.Keys);

        // Remedy classes: every cause's class is a contract value; the schema lists the same ones.
        var remedies = RemedyClasses.All.Where(r => r != RemedyClasses.None).ToList();
        Assert.All(causes.Values, r => Assert.Contains(r, remedies));
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir, "signatures.schema.json")));
        var props = schema.RootElement.GetProperty("properties");
        Assert.Equal(remedies, Strings(props.GetProperty("causes").GetProperty("items").GetProperty("properties").GetProperty("remedy").GetProperty("enum")));

        // Marker kinds and verdicts of the schema are the code's.
        Assert.Equal(MarkerKinds.All, Strings(props.GetProperty("markers").GetProperty("items").GetProperty("properties").GetProperty("kind").GetProperty("enum")));
        Assert.Equal(
            [Verdicts.RestoreFailure, Verdicts.CheckpointFailure],
            Strings(props.GetProperty("signatures").GetProperty("items").GetProperty("properties").GetProperty("verdict").GetProperty("enum")));

        // Every cause a signature, rule or node fact names is defined (the loader enforces it; this shows it holds).
        var named = catalog.Document.Signatures.Select(s => s.Cause)
            .Concat(catalog.Document.Rules.Select(r => r.Cause))
            .Concat(catalog.Document.NodeFacts.Where(f => f.Cause is not null).Select(f => f.Cause!));
        Assert.All(named, c => Assert.Contains(c, causes.Keys));
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
