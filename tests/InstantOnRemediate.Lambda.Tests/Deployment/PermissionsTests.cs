using System.Text.Json.Nodes;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Application.Composition;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// Least privilege, both ways: each function's role in template.yaml grants exactly the [IamAction] declarations of
/// the types FunctionPermissions declares for it — no action missing, none extra, no wildcard action, Resource "*"
/// only where the declaration says the service has no resource-level permission.
/// </summary>
public sealed class PermissionsTests
{
    public static TheoryData<string> Handlers => [.. HandlerNames.All];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Role_EachFunction_GrantsExactlyTheDeclaredActions(string handler)
    {
        var declaredTypes = FunctionPermissions.For(handler);
        var template = TemplatePermissions.Of(DeploymentFiles.Template, handler);

        var problems = DeclaredPermissions.Problems(handler, declaredTypes)
            .Concat(template.Problems)
            .Concat(PermissionAudit.Compare(handler, DeclaredPermissions.Of(declaredTypes), template.Service))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(template.Service);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Role_PlatformPolicy_OnlyWritesOwnLogsAndDeadLetters(string handler)
    {
        var template = DeploymentFiles.Template;
        var permissions = TemplatePermissions.Of(template, handler);
        var (function, properties) = DeploymentFiles.Function(template, handler);
        var logGroup = Intrinsics.Render(properties["Properties"]!["LoggingConfig"]!["LogGroup"]);

        var expected = new List<(string, string)> { ("logs:CreateLogStream", logGroup[..^1] + ".Arn}"), ("logs:PutLogEvents", logGroup[..^1] + ".Arn}") };
        if (properties["Properties"]!["EventInvokeConfig"]?["DestinationConfig"]?["OnFailure"]?["Destination"] is { } destination)
        {
            expected.Add(("sqs:SendMessage", Intrinsics.Render(destination)));
        }

        Assert.Equal(expected.Order(), permissions.Platform.Select(g => (g.Action, g.Resource)).Order());
        Assert.Equal(handler == HandlerNames.Detect, expected.Count == 3);
        Assert.StartsWith("${" + function[..^"Function".Length], logGroup, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_TemplateLacksADeclaredAction_IsReportedMissing()
    {
        var template = DeploymentFiles.Template.DeepClone().AsObject();
        var statements = ServiceStatements(template, "DetectRole");
        statements.Remove(statements.Single(s => (string?)s!["Sid"] == "Alerts"));

        var problems = Audit(template, HandlerNames.Detect, FunctionPermissions.Detect);

        Assert.Contains(problems, p => p.Contains("sns:Publish (topic) is declared by SnsClient but template.yaml does not grant it", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_TemplateGrantsAnUndeclaredAction_IsReportedExtra()
    {
        var template = DeploymentFiles.Template.DeepClone().AsObject();
        ServiceStatements(template, "ReconcileRole").Add(Statement("Extra", "eks:DeleteNodegroup", new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:nodegroup/prod-eks/*/*" }));

        var problems = Audit(template, HandlerNames.Reconcile, FunctionPermissions.Reconcile);

        var problem = Assert.Single(problems);
        Assert.Contains("ReconcileRole/service-actions/Extra grants eks:DeleteNodegroup", problem, StringComparison.Ordinal);
        Assert.Contains("which no declared type needs", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_CodeDeclaresAnActionTheTemplateLacks_IsReportedMissing()
    {
        var problems = Audit(DeploymentFiles.Template, HandlerNames.Runbook, [.. FunctionPermissions.Runbook, typeof(FakeClusterRemover)]);

        var problem = Assert.Single(problems);
        Assert.Equal("runbook: eks:DeleteCluster (cluster) is declared by FakeClusterRemover but template.yaml does not grant it", problem);
    }

    [Fact]
    public void Role_WildcardAction_IsReported()
    {
        var template = DeploymentFiles.Template.DeepClone().AsObject();
        ServiceStatements(template, "DetectRole").Add(Statement("Broad", "eks:*", new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:cluster/prod-eks" }));

        var problems = Audit(template, HandlerNames.Detect, FunctionPermissions.Detect);

        Assert.Contains("detect: DetectRole/service-actions/Broad grants the wildcard action eks:*", problems);
    }

    [Fact]
    public void Role_ResourceStarOnAScopedAction_IsReported()
    {
        var template = DeploymentFiles.Template.DeepClone().AsObject();
        ServiceStatements(template, "RunbookRole").Single(s => (string?)s!["Sid"] == "Alerts")!["Resource"] = "*";

        var problems = Audit(template, HandlerNames.Runbook, FunctionPermissions.Runbook);

        Assert.Contains("runbook: RunbookRole/service-actions/Alerts grants sns:Publish on Resource \"*\" but its declaration scopes it to topic", problems);
        Assert.Contains(problems, p => p.Contains("sns:Publish (topic) is declared by SnsClient but template.yaml does not grant it", StringComparison.Ordinal));
    }

    [Fact]
    public void Declaration_TypeHoldingAnUndeclaredAwsCaller_IsReported()
    {
        var problems = DeclaredPermissions.Problems("detect", [typeof(InventoryGatherer)]).ToList();

        Assert.Contains(problems, p => p.StartsWith("detect: InventoryGatherer holds Ec2Inventory", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("detect: InventoryGatherer holds NodeProbe", StringComparison.Ordinal));
    }

    [Fact]
    public void Declaration_TypeWithoutIamActions_IsReported()
    {
        var problems = DeclaredPermissions.Problems("detect", [typeof(PermissionsTests)]).ToList();

        Assert.Equal(["detect: PermissionsTests is declared but declares no [IamAction]; remove it from FunctionPermissions"], problems);
    }

    private static List<string> Audit(JsonObject template, string handler, IReadOnlyList<Type> types)
    {
        var permissions = TemplatePermissions.Of(template, handler);
        return [.. DeclaredPermissions.Problems(handler, types), .. permissions.Problems, .. PermissionAudit.Compare(handler, DeclaredPermissions.Of(types), permissions.Service)];
    }

    private static JsonArray ServiceStatements(JsonObject template, string role) =>
        DeploymentFiles.Resources(template)[role]!["Properties"]!["Policies"]!.AsArray()
            .Single(p => (string?)p!["PolicyName"] == TemplatePermissions.ServicePolicy)!["PolicyDocument"]!["Statement"]!.AsArray();

    private static JsonObject Statement(string sid, string action, JsonNode resource) =>
        new() { ["Sid"] = sid, ["Effect"] = "Allow", ["Action"] = action, ["Resource"] = resource };

    private sealed class FakeClusterRemover
    {
        [IamAction("eks:DeleteCluster", Resource = "cluster")]
        public static Task RemoveAsync() => Task.CompletedTask;
    }
}
