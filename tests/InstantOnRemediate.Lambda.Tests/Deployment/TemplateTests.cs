using System.Text.Json.Nodes;
using InstantOnRemediate.Application.Composition;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

public sealed class TemplateStructureTests
{
    [Fact]
    public void Template_References_AllResolve()
    {
        var problems = TemplateReferences.Problems(DeploymentFiles.Template);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(DeploymentFiles.Resources(DeploymentFiles.Template).Count > 30);
    }

    [Fact]
    public void Template_BrokenReferences_AreReported()
    {
        var template = DeploymentFiles.Template.DeepClone().AsObject();
        var resources = DeploymentFiles.Resources(template);
        resources["ContainerLogsSubscription1"]!["Properties"]!["LogGroupName"] = new JsonObject { ["Ref"] = "ContainerLogGroup9" };
        resources["PauseParameter"]!["Properties"]!["Name"] = new JsonObject { ["Fn::Sub"] = "/instanton-remediate/${StackName}/paused" };
        resources["ContainerLogsSubscription2"]!["Condition"] = "HasLogGroup9";

        var problems = TemplateReferences.Problems(template);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Ref ContainerLogGroup9 is not", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Sub ${StackName} is not", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("condition HasLogGroup9 is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_Handlers_AreTheHostsHandlerNames()
    {
        var handlers = DeploymentFiles.Resources(DeploymentFiles.Template)
            .Where(r => (string?)r.Value!["Type"] == "AWS::Serverless::Function")
            .Select(r => (string)r.Value!["Properties"]!["Handler"]!)
            .Order();

        Assert.Equal(HandlerNames.All.Order(), handlers);
    }

    [Fact]
    public void Template_EnvironmentVariables_AreDocumentedAndCoverTheDeploymentSettings()
    {
        var template = DeploymentFiles.Template;
        var global = Variables(template["Globals"]!["Function"]!).ToHashSet();
        var documented = FunctionOptions.EnvironmentVariables.Select(v => v.Name).ToHashSet();
        foreach (var handler in HandlerNames.All)
        {
            // What this function is started with: the globals plus its own variables.
            var set = global.Concat(Variables(DeploymentFiles.Function(template, handler).Value["Properties"]!)).ToHashSet();

            Assert.Subset(documented, set); // nothing set that the code does not read and document
            foreach (var variable in FunctionOptions.EnvironmentVariables.Where(v => v.Source == VariableSource.Template))
            {
                if (handler == HandlerNames.Runbook && variable.Name is FunctionOptions.RunbookFunctionVariable or FunctionOptions.RunbookDocumentsVariable)
                {
                    continue; // its own name comes from AWS_LAMBDA_FUNCTION_NAME, and the SSM runbooks reference it: no cycles
                }

                Assert.True(set.Contains(variable.Name), $"{handler}: {variable.Name} is read as a deployment setting but template.yaml does not set it");
            }
        }
    }

    [Fact]
    public void Template_StateTable_MatchesTheStoreContract()
    {
        var table = DeploymentFiles.Resources(DeploymentFiles.Template)["StateTable"]!;
        var properties = table["Properties"]!;

        Assert.Equal("AWS::DynamoDB::Table", (string?)table["Type"]);
        Assert.Equal("Retain", (string?)table["DeletionPolicy"]);
        Assert.Equal("PAY_PER_REQUEST", (string?)properties["BillingMode"]);
        Assert.Equal(["pk:HASH", "sk:RANGE"], properties["KeySchema"]!.AsArray().Select(k => $"{k!["AttributeName"]}:{k["KeyType"]}"));
        Assert.Equal(["pk:S", "sk:S"], properties["AttributeDefinitions"]!.AsArray().Select(k => $"{k!["AttributeName"]}:{k["AttributeType"]}"));
        Assert.Equal("ttl", (string?)properties["TimeToLiveSpecification"]!["AttributeName"]);
        Assert.True((bool)properties["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.True((bool)properties["SSESpecification"]!["SSEEnabled"]!);
    }

    [Fact]
    public void Template_DetectAsyncInvocations_RetryTwiceThenGoToAnEncryptedQueue()
    {
        var template = DeploymentFiles.Template;
        var config = DeploymentFiles.Function(template, HandlerNames.Detect).Value["Properties"]!["EventInvokeConfig"]!;
        var queue = Intrinsics.Render(config["DestinationConfig"]!["OnFailure"]!["Destination"])[2..^1].Split('.')[0];

        Assert.Equal(2, (int)config["MaximumRetryAttempts"]!);
        Assert.InRange((int)config["MaximumEventAgeInSeconds"]!, 60, 21600);
        Assert.Equal("AWS::SQS::Queue", (string?)DeploymentFiles.Resources(template)[queue]!["Type"]);
        Assert.True((bool)DeploymentFiles.Resources(template)[queue]!["Properties"]!["SqsManagedSseEnabled"]!);
    }

    private static IEnumerable<string> Variables(JsonNode properties) =>
        properties["Environment"]?["Variables"]?.AsObject().Select(v => v.Key) ?? [];
}
