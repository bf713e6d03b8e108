using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Planning;

/// <summary>
/// One golden scenario: events/scenarios/&lt;name&gt;/{findings,inventory,policy,state}.json (+ optional
/// release-candidates.json) → expected-plan.json. "now" is the state snapshot's takenAt.
/// </summary>
internal sealed record DecisionScenario(string Name, string Directory)
{
    public static string Root => Path.Combine(RepoPaths.Events, "scenarios");

    public static IEnumerable<DecisionScenario> All() =>
        System.IO.Directory.GetDirectories(Root).Order(StringComparer.Ordinal).Select(d => new DecisionScenario(Path.GetFileName(d), d));

    public string ExpectedPlanPath => Path.Combine(Directory, "expected-plan.json");

    public DecisionInput LoadInput()
    {
        var findings = JsonSerializer.Deserialize(Read("findings.json"), CoreJsonContext.Default.ListFinding) ?? [];
        var inventoryText = Read("inventory.json").TrimStart();
        List<ClusterInventory> inventories = inventoryText.StartsWith('[')
            ? JsonSerializer.Deserialize(inventoryText, CoreJsonContext.Default.ListClusterInventory) ?? []
            : [JsonSerializer.Deserialize(inventoryText, CoreJsonContext.Default.ClusterInventory)!];
        var state = JsonSerializer.Deserialize(Read("state.json"), CoreJsonContext.Default.StateSnapshot)!;
        var candidatesPath = Path.Combine(Directory, "release-candidates.json");
        var candidates = File.Exists(candidatesPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(candidatesPath), TestJson.Options)!
            : [];
        return new DecisionInput
        {
            Findings = findings,
            Inventories = inventories,
            Policy = PolicyLoader.Load(Path.Combine(Directory, "policy.json")),
            State = state,
            Now = state.TakenAt,
            ReleaseCandidates = candidates,
        };
    }

    public static string Serialize(Plan plan) => JsonSerializer.Serialize(plan, CoreJsonContext.Default.Plan).ReplaceLineEndings("\n") + "\n";

    private string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public override string ToString() => Name;
}
