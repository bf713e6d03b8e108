using System.Diagnostics;
using System.Text.Json.Nodes;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// <c>make org-template</c> (scripts/org-template.py): template.yaml expanded to plain CloudFormation for a
/// service-managed StackSet — no Transform, no AWS::Serverless resources, code location as parameters, and nothing
/// cfn-lint objects to beyond what it already says about template.yaml.
/// </summary>
public sealed class OrgTemplateTests
{
    private static readonly string TemplatePath = Path.Combine(RepoPaths.Root, "template.yaml");

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static JsonObject Expand(out string path)
    {
        path = Path.Combine(Path.GetTempPath(), $"org-template-{Guid.NewGuid():N}.json");
        var (code, output) = Run("python3", Path.Combine(RepoPaths.Root, "scripts", "org-template.py"), TemplatePath, path);
        Assert.True(code == 0, output);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>cfn-lint findings as "rule path" (line numbers differ between YAML and JSON).</summary>
    private static HashSet<string> Findings(string path)
    {
        var (code, output) = Run("cfn-lint", "--format", "parseable", "--", path);
        Assert.True((code & 3) == 0, $"cfn-lint exit {code} (errors):\n{output}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @":\d+:\d+:\d+:\d+:([EWI]\d{4}):(.*)$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value[Math.Max(0, m.Groups[2].Value.LastIndexOf(" at ", StringComparison.Ordinal))..])];
    }

    [Fact]
    public void OrgTemplate_Expanded_NoTransformNoServerlessCodeAsParameters()
    {
        var template = Expand(out var path);
        try
        {
            Assert.False(template.ContainsKey("Transform"));
            var resources = template["Resources"]!.AsObject();
            Assert.DoesNotContain(resources, r => ((string?)r.Value!["Type"])!.StartsWith("AWS::Serverless::", StringComparison.Ordinal));
            Assert.Equal(3, resources.Count(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function"));
            foreach (var function in resources.Where(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function"))
            {
                var properties = function.Value!["Properties"]!;
                Assert.Equal("CodeS3Bucket", (string?)properties["Code"]!["S3Bucket"]!["Ref"]);
                Assert.Equal("CodeS3Key", (string?)properties["Code"]!["S3Key"]!["Ref"]);
                Assert.Equal("EventBus", (string?)properties["Environment"]!["Variables"]!["EVENT_BUS"]!["Ref"]);
            }

            var parameters = template["Parameters"]!.AsObject();
            Assert.Contains("CodeS3Bucket", parameters.Select(p => p.Key));
            Assert.Contains("EventBus", parameters.Select(p => p.Key));
            Assert.Contains(resources, r => (string?)r.Value!["Type"] == "AWS::Lambda::EventInvokeConfig");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OrgTemplate_CfnLint_NoErrorsAndNoFindingTemplateYamlLacks()
    {
        Expand(out var path);
        try
        {
            var expanded = Findings(path);
            var source = Findings(TemplatePath);

            Assert.Empty(expanded.Except(source));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Makefile_OrgTemplate_WritesTheContractPathWithTheScript()
    {
        var makefile = File.ReadAllText(Path.Combine(RepoPaths.Root, "Makefile"));

        Assert.Contains("org-template:", makefile, StringComparison.Ordinal);
        Assert.Contains("python3 scripts/org-template.py template.yaml $(ARTIFACTS)/org/instanton-remediate.json", makefile, StringComparison.Ordinal);
    }
}
