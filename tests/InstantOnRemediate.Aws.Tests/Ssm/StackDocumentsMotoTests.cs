using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Aws.Tests.Actions;
using InstantOnRemediate.Aws.Tests.Inventory;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Ssm;

/// <summary>
/// The stack's command documents as a deployed stack has them: created in moto_server from the files template.yaml
/// copies (infra/ssm/), their deployed names passed as the SSM_*_DOCUMENT variables, the default policy resolved
/// with them, then sent to node-group instances by the probe and the run-command executor and followed with
/// GetCommandInvocation to the end. <see cref="DocumentCheckingRelay"/> answers InvalidDocument for names SSM does not
/// know (moto would run them). Every SSM request the product built is checked against botocore's model.
/// </summary>
[Collection(InventoryMotoCollection.Name)]
public sealed class StackDocumentsMotoTests(MotoServer moto)
{
    private const string Stack = "prod";

    [Fact]
    public async Task DeployedDocuments_ProbeAndFixAndUndo_RunOnTheNodegroupInstancesAndAreFollowedToTheEnd()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        await using var relay = new DocumentCheckingRelay(moto);
        using var ssm = relay.CreateClient();
        var variables = await DeployAsync(world.Ssm);
        var policies = PolicyLoader.LoadDefault().WithStackDocuments(StackDocumentNames.FromVariables(variables));
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var instances = (await world.LaunchAsync(ami, 2, "eks-ng-hardened", "ng-hardened")).Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList();

        // The probe: the deployed diagnostics document, read to the end (moto prints nothing: unreadable, not made up).
        var probe = new NodeProbe(ssm, new ManualTime(), KernelFeatureMatrix.Default, policies.Account.Ssm.Diagnostics!.Name, maxAttempts: 3);
        var probed = await probe.ProbeAsync(instances[0], CancellationToken.None);
        Assert.Equal(("InstantOnRemediate-prod-NodeDiagnostics", NodeProbeStatuses.Unreadable), (probe.Document, probed.Status));

        // The fix, as a plan made with the resolved policy carries it, then its undo: both reach every instance.
        var executor = new SsmRunCommandExecutor(ssm, policies);
        var action = RunCommandAction(policies.Account.Ssm.Documents["ptrace-restricted"].Name, instances);
        var fixedOutcome = await executor.ExecuteAsync(action);
        var undoOutcome = await executor.UndoAsync(action, UndoOptions.Reversible);

        Assert.Equal((ActionStatuses.Executed, ActionStatuses.Executed), (fixedOutcome.Status, undoOutcome.Status));
        foreach (var (outcome, document) in new[] { (fixedOutcome, "InstantOnRemediate-prod-YamaPtraceScope"), (undoOutcome, "InstantOnRemediate-prod-YamaPtraceScopeUndo") })
        {
            var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = outcome.Reference })).Commands.Single();
            Assert.Equal(document, command.DocumentName);
            foreach (var instance in instances)
            {
                Assert.Equal(CommandInvocationStatus.Success, await FollowAsync(ssm, outcome.Reference!, instance));
            }

        }

        Assert.All(relay.SendCommands, c => Assert.True(c.Forwarded, c.Document));
        ValidateAgainstBotocore(relay);
    }

    [Fact]
    public async Task DocumentNotDeployed_RelayAnswersInvalidDocument_ExecutorFailsAndProbeReportsIt()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        await using var relay = new DocumentCheckingRelay(moto);
        using var ssm = relay.CreateClient();
        await DeployAsync(world.Ssm);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var instance = (await world.LaunchAsync(ami, 1, "eks-ng-hardened", "ng-hardened"))[0].InstanceId;
        // A policy naming the document the stack used to be expected to have: allowed only as external, and SSM does not know it.
        var policies = PolicyLoader.Parse("""
            { "ssm": { "documents": { "ptrace-restricted": { "document": null, "external": true, "name": "InstantOnRemediate-SetYamaPtraceScope", "description": "old name" } },
                       "diagnostics": null } }
            """, "old.json").WithStackDocuments(StackDocumentNames.None);

        var outcome = await new SsmRunCommandExecutor(ssm, policies).ExecuteAsync(RunCommandAction("InstantOnRemediate-SetYamaPtraceScope", [instance]));
        var probed = await new NodeProbe(ssm, new ManualTime(), KernelFeatureMatrix.Default, "InstantOnRemediate-CriuCheck").ProbeAsync(instance, CancellationToken.None);

        Assert.Equal(ActionStatuses.Failed, outcome.Status);
        Assert.Equal(NodeProbeStatuses.Failed, probed.Status);
        Assert.StartsWith("SendCommand of InstantOnRemediate-CriuCheck refused: InvalidDocument", probed.Detail, StringComparison.Ordinal);
        Assert.Equal([("InstantOnRemediate-SetYamaPtraceScope", false), ("InstantOnRemediate-CriuCheck", false)], relay.SendCommands);
        Assert.Empty((await world.Ssm.ListCommandsAsync(new ListCommandsRequest())).Commands ?? []);
        var validator = new BotocoreValidator().Requests("ssm", relay.Proxy.Requests.Select(r => r.Request));
        validator.Response("ssm", "SendCommand", 400, DocumentCheckingRelay.InvalidDocumentBody);
        validator.Validate().AssertValid();
    }

    /// <summary>
    /// CreateDocument of each command document of template.yaml, with its Content and under the name a stack called
    /// "prod" gives it; returns the environment variables the template passes those names in.
    /// </summary>
    private static async Task<Dictionary<string, string?>> DeployAsync(IAmazonSimpleSystemsManagement ssm)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var document in SsmDocumentFiles.CommandDocuments(Stack))
        {
            var created = await ssm.CreateDocumentAsync(new CreateDocumentRequest
            {
                Name = document.Name,
                Content = document.ContentJson,
                DocumentType = DocumentType.Command,
                DocumentFormat = DocumentFormat.JSON,
                TargetType = document.TargetType,
            });
            Assert.Equal(DocumentStatus.Active, created.DocumentDescription.Status);
            Assert.NotNull(document.Variable);
            variables[document.Variable!] = document.Name;
        }

        // Every document the product knows is one the template creates and passes to the functions.
        Assert.Equal(StackDocuments.All.Select(d => d.Variable).Order(StringComparer.Ordinal), variables.Keys.Order(StringComparer.Ordinal));
        return variables;
    }

    private static PlanAction RunCommandAction(string document, IReadOnlyList<string> instances) =>
        PlanActions.Create(ActionTypes.SsmRunCommand, "ng-hardened", new SsmRunCommandParameters
        {
            DocumentName = document, MaxConcurrency = "10%", MaxErrors = "1", ReadOnly = false, TimeoutSeconds = 600,
        }, cause: "ptrace-restricted") with { Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = "ng-hardened", InstanceIds = [.. instances] } };

    /// <summary>GetCommandInvocation until the invocation ends (InvocationDoesNotExist right after sending is retried).</summary>
    private static async Task<CommandInvocationStatus> FollowAsync(IAmazonSimpleSystemsManagement ssm, string commandId, string instanceId)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                var invocation = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId });
                if (invocation.Status != CommandInvocationStatus.Pending && invocation.Status != CommandInvocationStatus.InProgress && invocation.Status != CommandInvocationStatus.Delayed)
                {
                    return invocation.Status;
                }
            }
            catch (InvocationDoesNotExistException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{commandId} on {instanceId} did not end");
    }

    private static void ValidateAgainstBotocore(DocumentCheckingRelay relay)
    {
        var requests = relay.Proxy.Requests.Select(r => r.Request).ToList();
        Assert.Contains(requests, r => ProxiedRequest.OperationOf(r) == "SendCommand");
        Assert.Contains(requests, r => ProxiedRequest.OperationOf(r) == "GetCommandInvocation");
        new BotocoreValidator().Requests("ssm", requests).Validate().AssertValid();
    }
}
