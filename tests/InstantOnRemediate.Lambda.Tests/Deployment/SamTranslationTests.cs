using System.Diagnostics;
using System.Text.Json.Nodes;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>The SAM translator (scripts/sam-translate.py) accepts template.yaml, and the SSM documents come through it as written.</summary>
public sealed class SamTranslationTests
{
    [Fact]
    public void Translate_Template_KeepsTheSsmDocumentsAndPassesTheirNamesToEveryFunction()
    {
        var output = Translate("Clusters=prod-eks,staging-eks", "ContainerLogGroup1=/aws/containerinsights/prod-eks/application", "RunbookApprovers=arn:aws:iam::123456789012:role/OnCallLead");

        var resources = output["Resources"]!.AsObject();
        Assert.Null(output["Transform"]);
        Assert.Equal(SsmDocumentFiles.ByResource.Keys.Order(), resources.Where(r => (string?)r.Value!["Type"] == "AWS::SSM::Document").Select(r => r.Key).Order());
        Assert.Equal("AWS::IAM::Role", (string?)resources["RunbookAutomationRole"]!["Type"]);
        foreach (var function in resources.Where(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function"))
        {
            var variables = function.Value!["Properties"]!["Environment"]!["Variables"]!;
            Assert.All(StackDocuments.All, d => Assert.Equal("AWS::SSM::Document", (string?)resources[(string)variables[d.Variable]!["Ref"]!]!["Type"]));
        }
    }

    private static JsonObject Translate(params string[] parameters)
    {
        var start = new ProcessStartInfo("python3", [Path.Combine(RepoPaths.Root, "scripts", "sam-translate.py"), DeploymentFiles.TemplatePath, .. parameters])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "sam-translate.py did not finish");
        Assert.True(process.ExitCode == 0, $"the SAM translator rejected template.yaml:\n{stderr}");
        return JsonNode.Parse(stdout.Result)!.AsObject();
    }
}
