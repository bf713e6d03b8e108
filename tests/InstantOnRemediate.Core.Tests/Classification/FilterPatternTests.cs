using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Testing;
using Xunit.Abstractions;

namespace InstantOnRemediate.Core.Tests.Classification;

public sealed class FilterPatternTests(ITestOutputHelper output)
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.LoadEmbedded();

    [Fact]
    public void Generate_ShippedFile_EqualsGeneratedPattern()
    {
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "subscription-filter-pattern.txt"));

        Assert.Equal(FilterPatternGenerator.Generate(Catalog), shipped.TrimEnd('\n'));
    }

    [Fact]
    public void Generate_Catalog_FitsCloudWatchSyntaxAndLimit()
    {
        var pattern = FilterPatternGenerator.Generate(Catalog);

        Assert.InRange(pattern.Length, 1, 1024);
        Assert.All(FilterPatternGenerator.Terms(Catalog), t => Assert.True(FilterPatternGenerator.IsSafeTerm(t), t));
        Assert.StartsWith("?\"", pattern, StringComparison.Ordinal);
        _ = new FilterPatternEvaluator(pattern);
    }

    [Fact]
    public void Evaluate_CorpusFailureLines_AllMatchAndNoiseIsMeasured()
    {
        var evaluator = new FilterPatternEvaluator(FilterPatternGenerator.Generate(Catalog));
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        int evidence = 0, otherLines = 0, otherMatched = 0, quietFiles = 0, quietMatched = 0;
        foreach (var entry in CorpusEntry.Load())
        {
            var lines = File.ReadAllLines(entry.Path).Where(l => l.Length > 0).ToList();
            var result = RestoreDetector.ClassifyLines(lines, Catalog);
            if (result.Verdict is Verdicts.RestoreFailure or Verdicts.CheckpointFailure && result.Evidence.Count > 0)
            {
                foreach (var line in result.Evidence)
                {
                    evidence++;
                    Assert.True(evaluator.Matches(line), $"{entry.Id}: failure line not matched by the filter: {line}");

                    // The same line inside a Container Insights record (JSON-escaped by the shipper) must match too.
                    var record = JsonSerializer.Serialize(new Dictionary<string, string> { ["log"] = line, ["stream"] = "stdout" }, relaxed);
                    Assert.True(evaluator.Matches(record), $"{entry.Id}: failure line not matched inside a JSON record: {record}");
                }
            }

            var evidenceSet = result.Evidence.ToHashSet(StringComparer.Ordinal);
            foreach (var line in lines.Where(l => !evidenceSet.Contains(l)))
            {
                otherLines++;
                otherMatched += evaluator.Matches(line) ? 1 : 0;
            }

            if (!entry.IsFailure)
            {
                quietFiles++;
                quietMatched += lines.Any(evaluator.Matches) ? 1 : 0;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failure/outcome lines matched: {evidence}/{evidence}; other lines still matched (noise): {otherMatched}/{otherLines} = {(double)otherMatched / otherLines:P1}; success/noise files with at least one matching line: {quietMatched}/{quietFiles}"));
        Assert.True(evidence > 40);
    }

    [Theory]
    [InlineData("?\"Restoring FAILED\" ?\"CWWKE096\"", "Error (criu/cr-restore.c:2447): Restoring FAILED.", true)]
    [InlineData("?\"Restoring FAILED\" ?\"CWWKE096\"", "restoring failed", false)]
    [InlineData("ERROR ARGUMENTS", "ERROR bad ARGUMENTS", true)]
    [InlineData("ERROR ARGUMENTS", "ERROR only", false)]
    [InlineData("ERROR -DEBUG", "ERROR DEBUG", false)]
    [InlineData("", "anything", true)]
    public void Matches_DocumentedSemantics_Hold(string pattern, string message, bool expected) =>
        Assert.Equal(expected, new FilterPatternEvaluator(pattern).Matches(message));
}
