using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// The event infrastructure beside template.yaml: infra/central/template.yaml (central bus, recorder) and
/// infra/eventbridge/pagerduty-rule.yaml. cfn-lint finds nothing; the rules match what the service sends; the
/// recorder reads only fields every event has; the PagerDuty input template renders to a valid Events API v2 body.
/// </summary>
public sealed partial class EventInfraTests
{
    private static readonly string Central = Path.Combine(RepoPaths.Root, "infra", "central", "template.yaml");
    private static readonly string PagerDuty = Path.Combine(RepoPaths.Root, "infra", "eventbridge", "pagerduty-rule.yaml");

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static JsonObject Load(string path)
    {
        var (code, output) = Run("python3", Path.Combine(RepoPaths.Root, "scripts", "template-json.py"), "template", path);
        Assert.True(code == 0, output);
        return JsonNode.Parse(output)!.AsObject();
    }

    private static IEnumerable<JsonObject> Rules(JsonObject template) =>
        template["Resources"]!.AsObject().Select(r => r.Value!.AsObject()).Where(r => (string?)r["Type"] == "AWS::Events::Rule");

    [Theory]
    [InlineData("infra/central/template.yaml")]
    [InlineData("infra/eventbridge/pagerduty-rule.yaml")]
    public void Template_CfnLint_Clean(string relative)
    {
        var (code, output) = Run("cfn-lint", "--format", "parseable", "--", Path.Combine(RepoPaths.Root, relative));

        Assert.True(code == 0, $"cfn-lint exit {code}:\n{output}");
    }

    [Fact]
    public void Central_BusPolicies_OnlyPutEventsOfOurSourceFromTheOrganisationOrListedAccounts()
    {
        var resources = Load(Central)["Resources"]!.AsObject();
        var policies = resources.Where(r => (string?)r.Value!["Type"] == "AWS::Events::EventBusPolicy").Select(r => r.Value!["Properties"]!["Statement"]!).ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, s => Assert.Equal("events:PutEvents", (string?)s["Action"]));
        Assert.All(policies, s => Assert.Equal(RemediationEventKinds.Source, (string?)s["Condition"]!["StringEquals"]!["events:source"]));
        Assert.Contains(policies, s => (string?)s["Condition"]!["StringEquals"]!["aws:PrincipalOrgID"]!["Ref"] == "OrganizationId");
    }

    [Fact]
    public void Central_Recorder_ReadsOnlyEnvelopeFieldsAndRequiredDetailFields()
    {
        var template = Load(Central);
        var machine = template["Resources"]!["Recorder"]!["Properties"]!["Definition"]!;
        var item = machine["States"]!["Record"]!["Parameters"]!["Item"]!.AsObject();
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schemas", "event-detail.v1.json")));
        var required = schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToHashSet();

        var paths = item.SelectMany(a => a.Value!.AsObject()).Select(v => (string)v.Value!).SelectMany(v => JsonPath().Matches(v).Select(m => m.Value)).ToList();

        Assert.Equal(["pk", "sk", "region", "receivedAt", "detailType", "kind", "cluster", "detail"], item.Select(a => a.Key));
        Assert.All(paths.Where(p => p.StartsWith("$.detail.", StringComparison.Ordinal)), p => Assert.Contains(p["$.detail.".Length..], required));
        Assert.All(paths.Where(p => !p.StartsWith("$.detail.", StringComparison.Ordinal)), p => Assert.Contains(p, new[] { "$.account", "$.region", "$.time", "$.detail-type", "$.detail" }));
        Assert.Equal(9, paths.Count);
        Assert.All(Rules(template), r => Assert.Equal(RemediationEventKinds.Source, (string?)r["Properties"]!["EventPattern"]!["source"]![0]));
    }

    [Fact]
    public void PagerDuty_Patterns_MatchOurDetailTypesAndSeverities()
    {
        var rules = Rules(Load(PagerDuty)).ToList();
        var detailTypes = RemediationEventKinds.All.Select(RemediationEventKinds.DetailType).ToHashSet();

        Assert.Equal(2, rules.Count);
        foreach (var pattern in rules.Select(r => r["Properties"]!["EventPattern"]!))
        {
            Assert.Equal(RemediationEventKinds.Source, (string?)pattern["source"]![0]);
            Assert.All(pattern["detail-type"]!.AsArray(), t => Assert.Contains((string)t!, detailTypes));
            Assert.All(pattern["detail"]!["severity"]!.AsArray(), s => Assert.Contains((string)s!, EventSeverities.All));
        }

        Assert.Equal(["critical", "high"], rules.SelectMany(r => r["Properties"]!["EventPattern"]!["detail"]!["severity"]!.AsArray()).Select(s => (string)s!).Order());
    }

    [Fact]
    public void PagerDuty_InputTemplate_RendersAnEventsApiV2Body()
    {
        var sample = File.ReadAllLines(RepoPaths.Event("central", "fleet-events.jsonl"))
            .Select(l => JsonNode.Parse(l)!)
            .First(e => (string?)e["detail-type"] == "InstantOn Escalation");

        foreach (var rule in Rules(Load(PagerDuty)))
        {
            var transformer = rule["Properties"]!["Targets"]![0]!["InputTransformer"]!;
            var body = (string)transformer["InputTemplate"]!;
            foreach (var (name, path) in transformer["InputPathsMap"]!.AsObject())
            {
                var value = ((string)path!)[2..].Split('.').Aggregate((JsonNode?)sample, (node, key) => node?[key]);
                body = body.Replace($"<{name}>", value?.ToString() ?? "", StringComparison.Ordinal);
            }

            Assert.DoesNotMatch("<[a-zA-Z]+>", body);
            using var rendered = JsonDocument.Parse(body);
            var root = rendered.RootElement;
            Assert.Equal("trigger", root.GetProperty("event_action").GetString());
            Assert.InRange(root.GetProperty("dedup_key").GetString()!.Length, 1, 255);
            var payload = root.GetProperty("payload");
            Assert.InRange(payload.GetProperty("summary").GetString()!.Length, 1, 1024);
            Assert.Contains(payload.GetProperty("severity").GetString(), new[] { "critical", "error", "warning", "info" });
            Assert.False(string.IsNullOrEmpty(payload.GetProperty("source").GetString()));
        }
    }

    [GeneratedRegex(@"\$\.[A-Za-z.-]+[A-Za-z]")]
    private static partial Regex JsonPath();
}
