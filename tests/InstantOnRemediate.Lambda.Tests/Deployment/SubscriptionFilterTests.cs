using System.Text.Json;
using System.Text.RegularExpressions;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>The container log subscription: one filter pattern for every log group, and it lets every labelled restore failure through.</summary>
public sealed partial class SubscriptionFilterTests
{
    private const int MaxPatternLength = 1024;

    /// <summary>Labelled failures whose container log holds nothing a filter could select.</summary>
    private static readonly HashSet<string> NothingToSubscribeTo =
    [
        "097-wlo-798-serviceability-pvc-silent-crash", // the only evidence is kubectl output (CrashLoopBackOff)
        "032-openj9-23236-power9-26001-regression", // cause unknown; the log holds only benign CRIU warnings
    ];

    private static string TemplatePattern =>
        (string)DeploymentFiles.Template["Mappings"]!["Detection"]!["SubscriptionFilter"]!["Pattern"]!;

    [Fact]
    public void FilterPattern_EverySubscription_UsesTheOneMappedPattern()
    {
        var filters = DeploymentFiles.Resources(DeploymentFiles.Template)
            .Where(r => (string?)r.Value!["Type"] == "AWS::Logs::SubscriptionFilter")
            .Select(r => Intrinsics.Render(r.Value!["Properties"]!["FilterPattern"]))
            .ToList();

        Assert.Equal(3, filters.Count);
        Assert.All(filters, f => Assert.Equal("${Fn::FindInMap}", f));
    }

    [Fact]
    public void FilterPattern_Template_IsAnOrOfQuotedTermsWithinTheLimit()
    {
        var pattern = TemplatePattern;

        var terms = Terms(pattern);

        Assert.InRange(pattern.Length, 1, MaxPatternLength);
        Assert.Equal(pattern, string.Join(' ', terms.Select(t => $"?\"{t}\"")));
    }

    [Fact]
    public void FilterPattern_Template_PassesAnEvidenceLineOfEveryLabelledRestoreFailure()
    {
        var terms = Terms(TemplatePattern);
        var failures = File.ReadLines(Path.Combine(RepoPaths.CriuCorpus, "index.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == "restore-failure" && !NothingToSubscribeTo.Contains(e.GetProperty("id").GetString()!))
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("evidence_lines").EnumerateArray().Select(l => l.GetString()!).ToList());

        var missed = failures
            .Where(f => !f.Value.Any(line => terms.Any(t => line.Contains(t, StringComparison.Ordinal))))
            .Select(f => f.Key)
            .ToList();

        Assert.True(failures.Count >= 10, $"only {failures.Count} labelled restore failures found");
        Assert.True(missed.Count == 0, "the subscription filter drops every evidence line of: " + string.Join(", ", missed));
        Assert.All(["[AUDIT   ] CWWKE0961I: Restoring the checkpoint server process failed.", "CWWKE0964E: Restoring the checkpoint server process failed."],
            line => Assert.Contains(terms, t => line.Contains(t, StringComparison.Ordinal)));
    }

    [GeneratedPatternFileFact]
    public void FilterPattern_GeneratedFile_EqualsTheTemplate()
    {
        var generated = File.ReadAllText(DeploymentFiles.FilterPatternPath).Trim();

        Assert.True(generated == TemplatePattern,
            $"infra/subscription-filter-pattern.txt changed: set Mappings/Detection/SubscriptionFilter/Pattern in template.yaml to\n'{generated}'");
    }

    private static List<string> Terms(string pattern) =>
        [.. QuotedTerm().Matches(pattern).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""\?"([^"]+)"(?: |$)""")]
    private static partial Regex QuotedTerm();

    private sealed class GeneratedPatternFileFactAttribute : FactAttribute
    {
        public GeneratedPatternFileFactAttribute()
        {
            if (!File.Exists(DeploymentFiles.FilterPatternPath))
            {
                Skip = "infra/subscription-filter-pattern.txt is not generated yet; the template carries the fallback pattern";
            }
        }
    }
}
