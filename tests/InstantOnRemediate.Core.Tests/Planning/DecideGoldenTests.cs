using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Tests.Planning;

/// <summary>
/// Golden plans. Set UPDATE_GOLDEN=1 to rewrite expected-plan.json on purpose: the test then still fails for
/// every file it changed, so a rewrite is never silent — review the diff and run again without the switch.
/// </summary>
public sealed class DecideGoldenTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in DecisionScenario.All())
        {
            data.Add(scenario.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Decide_Scenario_MatchesGoldenPlan(string name)
    {
        var scenario = DecisionScenario.All().Single(s => s.Name == name);
        var actual = DecisionScenario.Serialize(Decider.Decide(scenario.LoadInput()));
        var expected = File.Exists(scenario.ExpectedPlanPath) ? File.ReadAllText(scenario.ExpectedPlanPath) : null;

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" && actual != expected)
        {
            File.WriteAllText(scenario.ExpectedPlanPath, actual);
            Assert.Fail($"UPDATE_GOLDEN=1: rewrote {scenario.ExpectedPlanPath}; review the diff, then run again without UPDATE_GOLDEN");
        }

        Assert.True(expected is not null, $"{scenario.ExpectedPlanPath} is missing: run with UPDATE_GOLDEN=1 to create it, then review it");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Scenarios_CoverTheBriefedCases()
    {
        var names = DecisionScenario.All().Select(s => s.Name).ToHashSet();

        foreach (var required in new[] { "eks-rseq-al2", "pod-spec-capability", "node-config-ptrace", "transient-once", "threshold-not-reached", "cooldown-active", "paused", "storm-within-caps", "last-capacity" })
        {
            Assert.Contains(required, names);
        }
    }
}
