using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Lambda.Tests.Publishing;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>The published bootstrap answers every Handler the template deploys (local inventory and state: no AWS).</summary>
public sealed class DeployedHandlersTests
{
    [PublishedBootstrapFact]
    public async Task Bootstrap_EveryTemplateHandler_AnswersAnInvocation()
    {
        var events = new Dictionary<string, string>
        {
            [HandlerNames.Detect] = SubscriptionEnvelopes.RestoreFailure(),
            [HandlerNames.Runbook] = File.ReadAllText(RepoPaths.Event("runbook", "status.json")),
            [HandlerNames.Reconcile] = File.ReadAllText(RepoPaths.Event("reconcile", "schedule.json")),
        };
        var state = Directory.CreateTempSubdirectory("instanton-deploy-");
        try
        {
            foreach (var handler in HandlerNames.All)
            {
                Assert.Equal(handler, (string?)DeploymentFiles.Function(DeploymentFiles.Template, handler).Value["Properties"]!["Handler"]);
                using var api = FakeRuntimeApi.Start();
                var environment = TestEnvironment.ChildEnvironment();
                environment["_HANDLER"] = handler;
                environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
                environment["LAMBDA_TASK_ROOT"] = Path.GetDirectoryName(PublishedBootstrapFactAttribute.BootstrapPath)!;
                environment[FunctionOptions.ModeVariable] = "observe";
                environment[FunctionOptions.UseAwsVariable] = "false";
                environment[FunctionOptions.InventoryFileVariable] = RepoPaths.Event("inventory", "prod-eks.json");
                environment[FunctionOptions.StateDirectoryVariable] = state.FullName;
                using var process = ProcessRunner.Start(PublishedBootstrapFactAttribute.BootstrapPath, [], environment);

                var post = await api.WaitForResultAsync(api.Enqueue(events[handler]));

                Assert.True(post.Kind == RecordedPost.Response, $"{handler}: {post.Kind} {post.Json}\n{process.StandardOutput}{process.StandardError}");
                Assert.Equal(System.Text.Json.JsonValueKind.Object, post.Json.ValueKind);
            }
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }
}
