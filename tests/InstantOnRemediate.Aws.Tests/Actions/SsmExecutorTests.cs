using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Actions;

/// <summary>The SSM Run Command executor against moto_server.</summary>
public sealed class SsmExecutorTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string ReviewedDocumentContent = """
        {"schemaVersion":"2.2","description":"Set kernel.yama.ptrace_scope=1","mainSteps":[{"action":"aws:runShellScript","name":"setPtraceScope",
        "inputs":{"runCommand":["sysctl -w kernel.yama.ptrace_scope=1","echo kernel.yama.ptrace_scope=1 > /etc/sysctl.d/90-instanton.conf"]}}]}
        """;

    /// <summary>The names a deployed stack passes (SSM_*_DOCUMENT); plans made with the resolved policy carry them.</summary>
    private static readonly StackDocumentNames Deployed = StackDocumentNames.FromVariables(new Dictionary<string, string?>
    {
        [StackDocuments.DiagnosticsVariable] = "InstantOnRemediate-test-NodeDiagnostics",
        [StackDocuments.YamaFixVariable] = "InstantOnRemediate-SetYamaPtraceScope",
        [StackDocuments.YamaUndoVariable] = "InstantOnRemediate-RestoreYamaPtraceScope",
    });

    [Fact]
    public async Task SendCommand_GoldenPtracePlan_ReviewedDocumentOnInstances()
    {
        using var ssm = Client(moto.Endpoint);
        await EnsureDocumentAsync(ssm, "InstantOnRemediate-SetYamaPtraceScope");
        var action = GoldenPtraceAction();
        var policies = PolicyLoader.Load(RepoPaths.Event("scenarios", "node-config-ptrace", "policy.json")).WithStackDocuments(Deployed);

        var outcome = await new ActionExecutors([new SsmRunCommandExecutor(ssm, policies)]).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = outcome.Reference })).Commands.Single();
        Assert.Equal("InstantOnRemediate-SetYamaPtraceScope", command.DocumentName);
        Assert.Equal(action.Target.InstanceIds, command.InstanceIds.Order(StringComparer.Ordinal)); // moto answers in set order
        Assert.Equal(("10%", "1"), (command.MaxConcurrency, command.MaxErrors));
        Assert.Contains(action.Id, command.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCommand_NodegroupOf120Instances_EveryInstanceInBatchesOf50()
    {
        using var ssm = Client(moto.Endpoint);
        await EnsureDocumentAsync(ssm, "InstantOnRemediate-SetYamaPtraceScope");
        var instances = Enumerable.Range(0, 120).Select(i => $"i-{i:x17}").ToList();
        var action = GoldenPtraceAction() with { Id = "batches-" + Guid.NewGuid().ToString("N") };
        action = action with { Target = action.Target with { InstanceIds = instances } };
        var policies = PolicyLoader.Load(RepoPaths.Event("scenarios", "node-config-ptrace", "policy.json")).WithStackDocuments(Deployed);

        var outcome = await new ActionExecutors([new SsmRunCommandExecutor(ssm, policies)]).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var commands = outcome.Reference!.Split(',');
        Assert.Equal(3, commands.Length);
        var targeted = new List<string>();
        foreach (var id in commands)
        {
            var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = id })).Commands.Single();
            Assert.InRange(command.InstanceIds.Count, 1, SsmRunCommandExecutor.BatchSize);
            targeted.AddRange(command.InstanceIds);
        }

        Assert.Equal(instances, targeted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendCommand_DocumentNotReviewedByPolicy_SkippedNothingSent()
    {
        using var ssm = Client(moto.Endpoint);
        var action = PlanActions.Create(ActionTypes.SsmRunCommand, "ng", new SsmRunCommandParameters
        {
            DocumentName = "AWS-RunShellScript", MaxConcurrency = "1", MaxErrors = "0", TimeoutSeconds = 600,
        }, cause: "ptrace-restricted") with { Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = "ng", InstanceIds = ["i-0123456789abcdef0"] } };
        var before = (await ssm.ListCommandsAsync(new ListCommandsRequest())).Commands?.Count ?? 0;

        var outcome = await new SsmRunCommandExecutor(ssm, PolicyLoader.LoadDefault().WithStackDocuments(Deployed)).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Contains("not a reviewed document", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(before, (await ssm.ListCommandsAsync(new ListCommandsRequest())).Commands?.Count ?? 0);
    }

    [Fact]
    public async Task SendCommandUndo_RunsTheReviewedUndoDocument()
    {
        using var ssm = Client(moto.Endpoint);
        await EnsureDocumentAsync(ssm, "InstantOnRemediate-SetYamaPtraceScope");
        await EnsureDocumentAsync(ssm, "InstantOnRemediate-RestoreYamaPtraceScope");
        var action = GoldenPtraceAction();

        var outcome = await new SsmRunCommandExecutor(ssm, PolicyLoader.LoadDefault().WithStackDocuments(Deployed)).UndoAsync(action, UndoOptions.Reversible);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = outcome.Reference })).Commands.Single();
        Assert.Equal("InstantOnRemediate-RestoreYamaPtraceScope", command.DocumentName);
    }

    [Fact]
    public async Task SendCommand_UnresolvedStackDocument_SkippedNothingSent()
    {
        using var ssm = Client(moto.Endpoint);
        var plan = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.Event("scenarios", "node-config-ptrace", "expected-plan.json")), CoreJsonContext.Default.Plan)!;
        var action = plan.Actions.Single(a => a.Type == ActionTypes.SsmRunCommand);
        var before = (await ssm.ListCommandsAsync(new ListCommandsRequest())).Commands?.Count ?? 0;

        var outcome = await new SsmRunCommandExecutor(ssm, PolicyLoader.LoadDefault()).ExecuteAsync(action);

        Assert.Equal("{stack:yama-ptrace-scope}", Assert.IsType<SsmRunCommandParameters>(action.Parameters).DocumentName);
        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Equal(before, (await ssm.ListCommandsAsync(new ListCommandsRequest())).Commands?.Count ?? 0);
    }

    /// <summary>The golden plan's run-command action as a stack-resolved policy plans it: the deployed document name.</summary>
    private static PlanAction GoldenPtraceAction()
    {
        var plan = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.Event("scenarios", "node-config-ptrace", "expected-plan.json")), CoreJsonContext.Default.Plan)!;
        var action = plan.Actions.Single(a => a.Type == ActionTypes.SsmRunCommand);
        var parameters = Assert.IsType<SsmRunCommandParameters>(action.Parameters);
        return action with { Parameters = parameters with { DocumentName = Deployed.NameOf(StackDocuments.YamaPtraceScopeKey)! } };
    }

    private static AmazonSimpleSystemsManagementClient Client(Uri endpoint)
    {
        TestEnvironment.ApplyStaticCredentials();
        return new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = MotoServer.Region, MaxErrorRetry = 0 });
    }

    private static async Task EnsureDocumentAsync(AmazonSimpleSystemsManagementClient ssm, string name)
    {
        try
        {
            await ssm.CreateDocumentAsync(new CreateDocumentRequest { Name = name, Content = ReviewedDocumentContent, DocumentType = DocumentType.Command, DocumentFormat = DocumentFormat.JSON });
        }
        catch (DocumentAlreadyExistsException)
        {
        }
    }
}
