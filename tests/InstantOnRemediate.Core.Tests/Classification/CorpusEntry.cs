using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Classification;

/// <summary>One labelled excerpt of the shared corpus (index.jsonl) with the answers its label accepts.</summary>
internal sealed record CorpusEntry(string Id, string Kind, string RootCause, IReadOnlyList<string> AcceptCauses, IReadOnlyList<string> AcceptVerdicts, string Path, bool Holdout)
{
    public bool IsFailure => Kind is "restore-failure" or "checkpoint-failure";

    /// <summary>Corpus kinds map to verdicts; noise has no verdict.</summary>
    public string ExpectedVerdict => Kind switch
    {
        "restore-failure" => Verdicts.RestoreFailure,
        "checkpoint-failure" => Verdicts.CheckpointFailure,
        "restore-success" => Verdicts.RestoreSuccess,
        _ => Verdicts.None,
    };

    /// <summary>Labels that are not causes (benign notes, criu check output, none) mean "no cause".</summary>
    public string ExpectedCause => CauseIds.All.Contains(RootCause) ? RootCause : CauseIds.None;

    public bool VerdictAccepted(string verdict) => verdict == ExpectedVerdict || AcceptVerdicts.Contains(verdict);

    public bool CauseAccepted(string cause) => cause == ExpectedCause || AcceptCauses.Contains(cause);

    /// <summary>The remedy class is right when it is the class of the labelled cause or of an accepted one.</summary>
    public bool RemedyAccepted(string remedy, SignatureCatalog catalog) =>
        new[] { ExpectedCause }.Concat(AcceptCauses).Any(c => (catalog.Cause(c)?.Remedy ?? RemedyClasses.None) == remedy);

    public string Split => Holdout ? "holdout" : "dev";

    public static IReadOnlyList<CorpusEntry> Load()
    {
        var entries = new List<CorpusEntry>();
        using var split = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(RepoPaths.CriuCorpus, "split.json")));
        var holdout = split.RootElement.GetProperty("holdout").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(System.IO.Path.Combine(RepoPaths.CriuCorpus, "index.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString()!;
            entries.Add(new CorpusEntry(
                id,
                root.GetProperty("kind").GetString()!,
                root.GetProperty("root_cause").GetString()!,
                Strings(root, "accept_causes"),
                Strings(root, "accept_verdicts"),
                System.IO.Path.Combine(RepoPaths.CriuCorpus, id + ".log"),
                holdout.Contains(id)));
        }

        return entries;
    }

    private static List<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(e => e.GetString()!)] : [];
}
