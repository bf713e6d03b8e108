using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Application.Composition;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>The stack's SSM documents in template.yaml: equal to their files, well-formed, passed to the functions by !Ref, granted exactly.</summary>
public sealed class SsmDocumentsTests
{
    public static TheoryData<string> Resources => [.. SsmDocumentFiles.ByResource.Keys];

    [Fact]
    public void Template_EveryDocumentHasItsFile_AndEveryFileIsInTheTemplate()
    {
        Assert.Equal(SsmDocumentFiles.ByResource.Keys.Order(), SsmDocumentFiles.Documents(DeploymentFiles.Template).Keys.Order());
        Assert.Equal(SsmDocumentFiles.ByResource.Values.Order(), Directory.GetFiles(SsmDocumentFiles.Directory, "*.yaml").Select(Path.GetFileName).Order());
        var text = File.ReadAllText(DeploymentFiles.TemplatePath);
        Assert.All(SsmDocumentFiles.ByResource.Values, file => Assert.Contains($"# Content: infra/ssm/{file}", text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Content_EqualsTheFile(string resource)
    {
        var file = SsmDocumentFiles.Fragment(SsmDocumentFiles.ByResource[resource]);

        Assert.True(JsonNode.DeepEquals(file, SsmDocumentFiles.Content(resource)), $"{resource}'s Content differs from infra/ssm/{SsmDocumentFiles.ByResource[resource]}: run scripts/ssm-documents.py sync");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Document_TypeFormatUpdateMethodAndTypedParameters(string resource)
    {
        var properties = SsmDocumentFiles.Documents(DeploymentFiles.Template)[resource]["Properties"]!;
        var content = SsmDocumentFiles.Content(resource);
        var automation = (string?)properties["DocumentType"] == "Automation";

        Assert.Equal(automation ? "Automation" : "Command", (string?)properties["DocumentType"]);
        Assert.Equal(("YAML", "NewVersion"), ((string?)properties["DocumentFormat"], (string?)properties["UpdateMethod"]));
        Assert.Equal(automation ? "0.3" : "2.2", (string?)content["schemaVersion"]);
        Assert.Equal($"InstantOnRemediate-${{AWS::StackName}}-{resource.Replace("Document", "", StringComparison.Ordinal).Replace("Runbook", "", StringComparison.Ordinal)}", (string?)properties["Name"]!["Fn::Sub"]);
        foreach (var (name, parameter) in content["parameters"]?.AsObject() ?? [])
        {
            Assert.Equal("String", (string?)parameter!["type"]);
            var pattern = (string?)parameter["allowedPattern"];
            Assert.False(pattern is null, $"{resource}.{name} has no allowedPattern");
            Assert.StartsWith("^", pattern, StringComparison.Ordinal);
            Assert.EndsWith("$", pattern, StringComparison.Ordinal);
            if (parameter["default"] is { } value)
            {
                Assert.Matches(pattern, (string)value!);
            }

            // Nothing that could end a JSON string or a shell word, no control characters: no free-form text.
            Assert.All(["\"", "\\", "`", "$(x)", "a\nb", "{{ x }}"], bad => Assert.DoesNotMatch(pattern, "ab" + bad + "cd"));
        }

        if (!automation)
        {
            Assert.Equal("/AWS::EC2::Instance", (string?)properties["TargetType"]);
            var step = content["mainSteps"]!.AsArray().Single()!;
            Assert.Equal("aws:runShellScript", (string?)step["action"]);
            Assert.InRange(int.Parse((string)step["inputs"]!["timeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture), 10, 120);
        }
    }

    [Fact]
    public void Environment_EachStackDocumentVariableIsTheRefOfItsCommandDocument()
    {
        var template = DeploymentFiles.Template;
        var variables = template["Globals"]!["Function"]!["Environment"]!["Variables"]!;
        var resources = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StackDocuments.NodeDiagnosticsKey] = "NodeDiagnosticsDocument",
            [StackDocuments.YamaPtraceScopeKey] = "YamaPtraceScopeDocument",
            [StackDocuments.YamaPtraceScopeUndoKey] = "YamaPtraceScopeUndoDocument",
        };

        foreach (var document in StackDocuments.All)
        {
            Assert.Equal(resources[document.Key], (string?)variables[document.Variable]!["Ref"]);
            Assert.Equal("Command", (string?)SsmDocumentFiles.Documents(template)[resources[document.Key]]["Properties"]!["DocumentType"]);
        }

        Assert.Equal(resources.Values.Order(), SsmDocumentFiles.Documents(template).Where(d => (string?)d.Value["Properties"]!["DocumentType"] == "Command").Select(d => d.Key).Order());
    }

    [Theory]
    [InlineData(HandlerNames.Detect, new[] { "NodeDiagnosticsDocument", "YamaPtraceScopeDocument", "YamaPtraceScopeUndoDocument" })]
    [InlineData(HandlerNames.Runbook, new[] { "NodeDiagnosticsDocument", "YamaPtraceScopeDocument", "YamaPtraceScopeUndoDocument" })]
    [InlineData(HandlerNames.Reconcile, new[] { "NodeDiagnosticsDocument" })]
    public void SendCommand_GrantedOnExactlyTheStacksDocuments_AndTheClustersInstances(string handler, string[] documents)
    {
        var granted = TemplatePermissions.Of(DeploymentFiles.Template, handler).Service.Where(g => g.Action == "ssm:SendCommand").ToList();

        Assert.Equal(
            documents.Select(d => "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:document/${" + d + "}").Order(),
            granted.Where(g => g.Kind == "document").Select(g => g.Resource).Distinct().Order());
        Assert.Equal(["arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"], granted.Where(g => g.Kind == "instance").Select(g => g.Resource).Distinct());
        var instances = DeploymentFiles.Resources(DeploymentFiles.Template)["ClusterInventoryPolicy"]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
            .Single(s => (string?)s!["Sid"] == "ProbeClusterInstances")!;
        Assert.Equal(["${Clusters}"], Intrinsics.Expand(instances["Condition"]!["StringEquals"]!["ssm:resourceTag/eks:cluster-name"]!["Fn::Split"]![1]));
    }

    [Fact]
    public void AutomationRole_OnlyInvokesTheRunbookFunction_AndOnlySsmAssumesIt()
    {
        var role = DeploymentFiles.Resources(DeploymentFiles.Template)["RunbookAutomationRole"]!["Properties"]!;
        var trust = role["AssumeRolePolicyDocument"]!["Statement"]!.AsArray().Single()!;
        var statements = role["Policies"]!.AsArray().Single()!["PolicyDocument"]!["Statement"]!.AsArray();

        Assert.Equal("ssm.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.Equal("${AWS::AccountId}", Intrinsics.Render(trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]));
        var statement = Assert.Single(statements)!;
        Assert.Equal(("lambda:InvokeFunction", "${RunbookFunction.Arn}"), ((string?)statement["Action"], Intrinsics.Render(statement["Resource"])));
        Assert.Null(role["ManagedPolicyArns"]);
        Assert.DoesNotContain(DeploymentFiles.Resources(DeploymentFiles.Template), r => (string?)r.Value!["Type"] is "AWS::IAM::ManagedPolicy" && Intrinsics.Expand(r.Value["Properties"]!["Roles"]).Contains("${RunbookAutomationRole}"));
    }

    [Theory]
    [InlineData("DiagnoseRunbook", null)]
    [InlineData("PlanRunbook", null)]
    [InlineData("ApplyRunbook", "HasApprover1")]
    [InlineData("StatusRunbook", null)]
    [InlineData("RollbackRunbook", "HasApprover1")]
    [InlineData("PauseRunbook", null)]
    [InlineData("ResumeRunbook", null)]
    public void Runbook_RunsAsTheAutomationRole_InvokesTheRunbookFunction_AndIsAStackOutput(string resource, string? condition)
    {
        var template = DeploymentFiles.Template;
        var document = SsmDocumentFiles.Documents(template)[resource];
        var content = SsmDocumentFiles.Content(resource);
        var steps = content["mainSteps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var output = template["Outputs"]![resource + "Name"]!;

        Assert.Equal("${RunbookAutomationRole.Arn}", Intrinsics.Render(content["assumeRole"]));
        Assert.Equal(condition, (string?)document["Condition"]);
        Assert.Equal((resource, condition), ((string?)output["Value"]!["Ref"], (string?)output["Condition"]));
        var invocations = steps.Where(s => (string?)s["action"] == "aws:invokeLambdaFunction").ToList();
        Assert.NotEmpty(invocations);
        Assert.All(invocations, s => Assert.Equal(("RunbookFunction", "RequestResponse", true), ((string?)s["inputs"]!["FunctionName"]!["Ref"], (string?)s["inputs"]!["InvocationType"], (bool?)s["isEnd"])));
        Assert.Equal(invocations.Select(s => (string)s["name"]! + ".Payload").Order(), content["outputs"]!.AsArray().Select(o => (string)o!).Order());
        Assert.All(steps, s => Assert.Contains((string?)s["action"], new[] { "aws:branch", "aws:approve", "aws:invokeLambdaFunction", "aws:executeScript" }));
        if (condition is not null)
        {
            var approve = steps[0];
            Assert.Equal("aws:approve", (string?)approve["action"]);
            Assert.Equal(("RunbookApprovers", 1), ((string?)approve["inputs"]!["Approvers"]!["Ref"], (int?)approve["inputs"]!["MinRequiredApprovals"]));
        }
        else
        {
            Assert.DoesNotContain(steps, s => (string?)s["action"] == "aws:approve");
        }
    }
}
