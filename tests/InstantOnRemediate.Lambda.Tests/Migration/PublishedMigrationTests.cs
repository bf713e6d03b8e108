using System.Globalization;
using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Migration;

/// <summary>
/// The first stages of the seed-case migration through the published native bootstrap (as Lambda runs it, a
/// loopback Runtime API, every AWS API at moto through AWS_ENDPOINT_URL): detect plans it, runbook apply starts it,
/// reconcile takes it from waiting for the target to the fence, and runbook status shows its stages — the state
/// row and the responses serialized by the AOT build.
/// </summary>
[Collection(MigrationCollection.Name)]
public sealed class PublishedMigrationTests
{
    private static readonly string Bootstrap = Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");
    private readonly MigrationWorld world;
    private readonly DateTimeOffset t0 = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).AddHours(-3);

    public PublishedMigrationTests(MigrationWorld world) => this.world = world;

    [Fact]
    public async Task PublishedFunctions_ApproveThenReconcile_TargetReadyThenOldGroupTainted()
    {
        Assert.True(File.Exists(Bootstrap), $"not built: run 'make publish' ({Bootstrap})");
        var oldNodes = await world.ResetAsync();

        var detect = await InvokeAsync("detect", System.Text.Encoding.UTF8.GetString(MigrationWorld.FailureEvent(oldNodes[0], t0)), 1);
        var id = detect.GetProperty("plan").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "eks-migrate-nodegroup").GetProperty("id").GetString()!;
        var apply = await InvokeAsync("runbook", $$"""{"action":"apply","actionId":"{{id}}","approvedBy":"sam","reason":"move off AL2"}""", 2);
        Assert.True(apply.GetProperty("status").GetString() == "ok", apply.ToString());

        Assert.Equal("wait-target", Stage(await InvokeAsync("reconcile", "{}", 10)));
        await world.LaunchAsync(MigrationWorld.New, 2);
        Assert.Equal("fence", Stage(await InvokeAsync("reconcile", "{}", 15)));
        Assert.Equal("fence", Stage(await InvokeAsync("reconcile", "{}", 20)));

        var old = await world.NodegroupAsync(MigrationWorld.Old);
        Assert.Contains(old!.Value.GetProperty("taints").EnumerateArray(), t => t.GetProperty("effect").GetString() == "NO_SCHEDULE");
        var status = await InvokeAsync("runbook", """{"action":"status","cluster":"mig-eks"}""", 21);
        var migration = status.GetProperty("report").GetProperty("migrations").EnumerateArray().Single();
        Assert.Equal(["prepare", "wait-target", "fence"], migration.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Single(migration.GetProperty("stages")[2].GetProperty("updateIds").EnumerateArray());
        Assert.Contains("\"action\":\"rollback\"", migration.GetProperty("rollbackWith").GetString(), StringComparison.Ordinal);
    }

    private static string? Stage(JsonElement reconcile) => reconcile.GetProperty("migrations").EnumerateArray().Single().GetProperty("stage").GetString();

    private async Task<JsonElement> InvokeAsync(string handler, string payload, int minute)
    {
        var environment = new Dictionary<string, string>(TestEnvironment.ChildEnvironment(world.Moto.Endpoint))
        {
            ["_HANDLER"] = handler, ["MODE"] = "enforce", ["CLUSTERS"] = MigrationWorld.Cluster, ["STATE_TABLE"] = MigrationWorld.Table,
            ["TOPIC_ARN"] = world.TopicArn, ["RUNBOOK_FUNCTION"] = "instanton-remediate-runbook", ["POLICY"] = world.Policy, ["LOG_LEVEL"] = "warn",
            ["CONTAINER_LOG_GROUPS"] = MigrationWorld.LogGroup,
            ["NOW"] = t0.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        using var runtime = FakeRuntimeApi.Start();
        environment["AWS_LAMBDA_RUNTIME_API"] = runtime.Address;
        using var process = ProcessRunner.Start(Bootstrap, [], environment);
        var result = await runtime.WaitForResultAsync(runtime.Enqueue(payload), TimeSpan.FromSeconds(60));
        Assert.True(result.Kind == RecordedPost.Response, $"{handler} {payload}: {result.BodyText} {process.StandardError}");
        return result.Json;
    }
}
