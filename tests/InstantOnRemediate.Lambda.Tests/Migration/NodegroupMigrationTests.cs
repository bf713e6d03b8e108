using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Migration;

/// <summary>
/// The whole node-group migration of the seed case against moto_server, driven by the handlers with the clock
/// advanced between reconcile runs: detect plans it, the runbook approves it once, reconcile takes one stage per
/// run (AL2 group with instances -> AL2023 group ACTIVE with instances -> taint -> scaled to 0 in steps -> verified by
/// a later successful restore on the new group -> retired), and the runbook rolls it back from any stage.
/// moto has no DescribeUpdate: each stage is judged from DescribeNodegroup and the instances EC2 reports.
/// </summary>
[Collection(MigrationCollection.Name)]
public sealed class NodegroupMigrationTests : IDisposable
{
    private readonly MigrationWorld world;
    private readonly string? savedEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
    private readonly string? savedEksEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_EKS");
    private readonly DateTimeOffset t0 = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).AddHours(-3); // CloudWatch Logs takes events of the last 14 days only

    public NodegroupMigrationTests(MigrationWorld world)
    {
        this.world = world;
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", world.Moto.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_EKS", world.EksProxy.Endpoint.ToString().TrimEnd('/'));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", savedEndpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_EKS", savedEksEndpoint);
    }

    [Fact]
    public async Task Migration_SeedCase_EveryStageInTurnUntilRetired()
    {
        var id = await PlanAndApproveAsync();
        var created = await world.NodegroupAsync(MigrationWorld.New);
        Assert.Equal(("AL2023_x86_64_STANDARD", "1.30", 2), (created!.Value.GetProperty("amiType").GetString(), created.Value.GetProperty("version").GetString(), created.Value.GetProperty("scaling").GetProperty("desiredSize").GetInt32()));
        Assert.Equal("shop", created.Value.GetProperty("labels").GetProperty("team").GetString());

        // wait-target: ACTIVE at once in moto, but no instance yet.
        var run = await ReconcileAsync(10);
        Assert.Equal(("wait-target", "wait"), StageOf(run, id));
        Assert.Contains("0 of 2 instance(s) running", Migration(run, id).GetProperty("reason").GetString(), StringComparison.Ordinal);

        var newNodes = await world.LaunchAsync(MigrationWorld.New, 2); // what EKS does for the new group
        Assert.Equal(("fence", "advance"), StageOf(await ReconcileAsync(15), id));
        Assert.Equal(("fence", "act"), StageOf(await ReconcileAsync(20), id));
        var old = await world.NodegroupAsync(MigrationWorld.Old);
        Assert.Contains(old!.Value.GetProperty("taints").EnumerateArray(), t => t.GetProperty("key").GetString() == "instanton.openliberty.io/restore-incompatible" && t.GetProperty("effect").GetString() == "NO_SCHEDULE");
        Assert.Equal(("drain", "advance"), StageOf(await ReconcileAsync(25), id));

        // drain: one node per run (policy drainStep 1), EKS terminating what it drained.
        Assert.Equal(("drain", "act"), StageOf(await ReconcileAsync(30), id));
        Assert.Equal((1, 1), Scaling(await world.NodegroupAsync(MigrationWorld.Old)));
        Assert.Equal(("drain", "wait"), StageOf(await ReconcileAsync(35), id)); // the removed node still runs: EKS drains it
        await world.TerminateAsync(MigrationWorld.Old, 1);
        Assert.Equal(("drain", "act"), StageOf(await ReconcileAsync(40), id));
        Assert.Equal((0, 0), Scaling(await world.NodegroupAsync(MigrationWorld.Old)));
        await world.TerminateAsync(MigrationWorld.Old, 1);
        Assert.Equal(("verify", "advance"), StageOf(await ReconcileAsync(45), id));

        // verify: no proof yet, then the workload restores on the new group.
        Assert.Equal(("verify", "wait"), StageOf(await ReconcileAsync(50), id));
        await world.PutSuccessAsync(newNodes[0], t0.AddMinutes(52));
        Assert.Equal(("retire", "advance"), StageOf(await ReconcileAsync(55), id));
        var last = await ReconcileAsync(60);
        Assert.Equal(("done", "complete"), StageOf(last, id));
        Assert.Empty(await ReconcileMigrationsAsync(65)); // finished: no step any more

        var status = await world.InvokeAsync("runbook", """{"action":"status","cluster":"mig-eks"}""", t0.AddMinutes(66));
        var report = status.GetProperty("report").GetProperty("migrations").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        Assert.Equal("done", report.GetProperty("stage").GetString());
        Assert.Equal(["prepare", "wait-target", "fence", "drain", "verify", "retire"], report.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(3, report.GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("updateIds").GetArrayLength())); // fence + two drain steps
        Assert.DoesNotContain(status.GetProperty("report").GetProperty("inFlight").EnumerateArray(), a => a.GetProperty("actionId").GetString() == id);

        var subjects = (await world.DrainAlertsAsync()).Select(a => a.Subject).Where(s => s.Contains("MIGRATION", StringComparison.Ordinal)).ToList();
        foreach (var stage in new[] { "started", "target ready", "old group fenced", "old group drained", "verified", "finished, old group retired" })
        {
            Assert.Single(subjects, s => s.EndsWith(": " + stage, StringComparison.Ordinal));
        }

        Assert.Equal(0, Scaling(await world.NodegroupAsync(MigrationWorld.Old)).Desired); // retire = keep-at-zero: kept with its taint

        // Every EKS request of the migration (CreateNodegroup with the clone's taints and labels, the fence, the drain steps), checked against botocore's eks model.
        var eks = world.EksProxy.Requests.Where(r => r.Service == "eks" && !(r.Request.Header("User-Agent") ?? "").Contains("Botocore", StringComparison.OrdinalIgnoreCase)).ToList(); // the service's, not the test's boto3
        Assert.Contains(eks, r => r.Operation == "CreateNodegroup" && r.Request.BodyText.Contains("\"amiType\":\"AL2023_x86_64_STANDARD\"", StringComparison.Ordinal));
        Assert.Equal(4, eks.Count(r => r.Operation == "UpdateNodegroupConfig")); // the label (detect), the fence, two drain steps
        new BotocoreValidator().Requests("eks", eks.Select(r => r.Request)).Validate().AssertValid();
    }

    [Theory]
    [InlineData("wait-target")]
    [InlineData("fence")]
    [InlineData("drain")]
    [InlineData("verify")]
    public async Task Rollback_FromEachStage_OldGroupRestoredTargetDeletedOnRequest(string stage)
    {
        var id = await PlanAndApproveAsync();
        await ReconcileAsync(10);
        if (stage != "wait-target")
        {
            await world.LaunchAsync(MigrationWorld.New, 2);
            await ReconcileAsync(15); // -> fence
            await ReconcileAsync(20); // taint
        }

        if (stage is "drain" or "verify")
        {
            await ReconcileAsync(25); // -> drain
            await ReconcileAsync(30); // 2 -> 1
            await world.TerminateAsync(MigrationWorld.Old, 1);
        }

        if (stage == "verify")
        {
            await ReconcileAsync(35); // 1 -> 0
            await world.TerminateAsync(MigrationWorld.Old, 1);
            Assert.Equal(("verify", "advance"), StageOf(await ReconcileAsync(40), id));
        }

        var status = await world.InvokeAsync("runbook", """{"action":"status","cluster":"mig-eks"}""", t0.AddMinutes(41));
        var rollback = status.GetProperty("report").GetProperty("migrations").EnumerateArray().Single().GetProperty("rollbackWith").GetString()!;
        Assert.Contains("\"deleteCreatedNodegroup\":true", rollback, StringComparison.Ordinal);

        var answer = await world.InvokeAsync("runbook", Journeys.PrintedCommands.Fill(rollback), t0.AddMinutes(42));

        Assert.True(answer.GetProperty("status").GetString() == "ok", answer.ToString());
        var old = await world.NodegroupAsync(MigrationWorld.Old);
        Assert.Equal((2, 1), Scaling(old));
        Assert.Equal(4, old!.Value.GetProperty("scaling").GetProperty("maxSize").GetInt32());
        Assert.Empty(old.Value.GetProperty("taints").EnumerateArray());
        Assert.Null(await world.NodegroupAsync(MigrationWorld.New));
        var after = await ReconcileAsync(45);
        Assert.Empty(Migrations(after));
        Assert.Contains((await world.DrainAlertsAsync()).Select(a => a.Subject), s => s.EndsWith(": rolled back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migration_TargetNeverGetsItsInstances_StallAlertedOnce()
    {
        var id = await PlanAndApproveAsync();
        await ReconcileAsync(10);
        await world.DrainAlertsAsync();

        var early = await ReconcileAsync(30);
        var stalled = await ReconcileAsync(45);
        var again = await ReconcileAsync(60);

        Assert.Equal(("wait-target", "wait"), StageOf(early, id));
        Assert.Equal(("wait-target", "stalled"), StageOf(stalled, id));
        Assert.Equal(("wait-target", "wait"), StageOf(again, id));
        var alerts = await world.DrainAlertsAsync();
        var stall = Assert.Single(alerts, a => a.Subject.EndsWith(": waiting too long", StringComparison.Ordinal));
        Assert.Contains("0 of 2 instance(s) running", stall.Text, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"rollback\"", stall.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_PausedInTheMiddle_StopsBetweenStagesAndGoesOnAfterResume()
    {
        var id = await PlanAndApproveAsync();
        await ReconcileAsync(10);
        await world.LaunchAsync(MigrationWorld.New, 2);
        await ReconcileAsync(15); // -> fence

        var paused = await world.InvokeAsync("runbook", """{"action":"pause","reason":"incident","by":"sam"}""", t0.AddMinutes(16));
        Assert.Equal("ok", paused.GetProperty("status").GetString());
        var held = await ReconcileAsync(20);
        Assert.Equal(("fence", "wait"), StageOf(held, id));
        Assert.Contains("paused", Migration(held, id).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await world.NodegroupAsync(MigrationWorld.Old))!.Value.GetProperty("taints").EnumerateArray());

        await world.InvokeAsync("runbook", """{"action":"resume","reason":"over","by":"sam"}""", t0.AddMinutes(21));
        Assert.Equal(("fence", "act"), StageOf(await ReconcileAsync(25), id));
    }

    [Fact]
    public async Task SecondMigration_SameCluster_WaitsUntilTheFirstIsDone()
    {
        var first = await PlanAndApproveAsync();
        var batchNodes = await world.AddSecondOldGroupAsync("ng-al2-batch");

        var during = await world.InvokeAsync("detect", MigrationWorld.FailureEvent(batchNodes[0], t0.AddMinutes(3), "390"), t0.AddMinutes(4));
        var held = during.GetProperty("plan").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "eks-migrate-nodegroup");
        Assert.Equal("skipped", held.GetProperty("status").GetString());
        Assert.Contains($"eks-migrate-nodegroup on ng-al2-general (action {first}) is in flight", held.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The first migration runs to its end (EKS's part played by the test), one reconcile run every 5 minutes.
        var minute = 10;
        var stage = "";
        IReadOnlyList<string> newNodes = [];
        var proven = false;
        for (; minute <= 120 && stage != "done"; minute += 5)
        {
            stage = StageOf(await ReconcileAsync(minute), first).Item1!;
            if (stage == "wait-target" && newNodes.Count == 0)
            {
                newNodes = await world.LaunchAsync(MigrationWorld.New, 2);
            }
            else if (stage == "drain")
            {
                await world.TerminateToDesiredAsync(MigrationWorld.Old);
            }
            else if (stage == "verify" && !proven)
            {
                proven = true;
                await world.PutSuccessAsync(newNodes[0], t0.AddMinutes(minute + 1));
            }
        }

        Assert.Equal("done", stage);
        var after = await world.InvokeAsync("detect", MigrationWorld.FailureEvent(batchNodes[0], t0.AddMinutes(minute + 60), "391"), t0.AddMinutes(minute + 61));
        var second = after.GetProperty("plan").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "eks-migrate-nodegroup");
        Assert.True(second.GetProperty("status").GetString() == "awaiting-approval", second.ToString());
        Assert.Equal("ng-al2-batch", second.GetProperty("target").GetProperty("nodegroup").GetString());
    }

    [Fact]
    public async Task Retire_PolicySaysDelete_DeletionWaitsForItsOwnApproval()
    {
        var id = await PlanAndApproveAsync("""{"version":1,"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30},"migration":{"enabled":true,"retire":"delete"}}""");
        var (minute, stage) = await RunUntilAsync(id, "retire");
        Assert.Equal("retire", stage);

        var asked = await ReconcileAsync(minute += 5);
        Assert.Equal(("retire", "act"), StageOf(asked, id));
        var alert = Assert.Single(await world.DrainAlertsAsync(), a => a.Text.StartsWith("APPROVE DELETING THE OLD GROUP", StringComparison.Ordinal));
        var approve = Journeys.PrintedCommands.Payloads(alert.Text).Single(p => p.Contains("\"action\":\"apply\"", StringComparison.Ordinal));
        Assert.Equal(("retire", "wait"), StageOf(await ReconcileAsync(minute += 5), id)); // nothing is deleted without it
        Assert.NotNull(await world.NodegroupAsync(MigrationWorld.Old));

        var applied = await world.InvokeAsync("runbook", Journeys.PrintedCommands.Fill(approve), t0.AddMinutes(minute += 1));
        Assert.True(applied.GetProperty("status").GetString() == "ok", applied.ToString());
        Assert.Null(await world.NodegroupAsync(MigrationWorld.Old));
        var done = await ReconcileAsync(minute += 5);
        Assert.Equal(("done", "complete"), StageOf(done, id));
        var status = await world.InvokeAsync("runbook", """{"action":"status","cluster":"mig-eks"}""", t0.AddMinutes(minute + 1));
        Assert.DoesNotContain(status.GetProperty("report").GetProperty("inFlight").EnumerateArray(), a => a.GetProperty("type").GetString() == "eks-migrate-nodegroup"); // the migration and its retire action
        Assert.Single(status.GetProperty("report").GetProperty("migrations").EnumerateArray());
    }

    /// <summary>Reconcile every 5 minutes from minute 10, playing EKS's part, until the migration reaches <paramref name="until"/>.</summary>
    private async Task<(int Minute, string Stage)> RunUntilAsync(string id, string until)
    {
        var minute = 10;
        var stage = "";
        IReadOnlyList<string> newNodes = [];
        var proven = false;
        for (; minute <= 120 && stage != until; minute += 5)
        {
            stage = StageOf(await ReconcileAsync(minute), id).Item1!;
            if (stage == "wait-target" && newNodes.Count == 0)
            {
                newNodes = await world.LaunchAsync(MigrationWorld.New, 2);
            }
            else if (stage == "drain")
            {
                await world.TerminateToDesiredAsync(MigrationWorld.Old);
            }
            else if (stage == "verify" && !proven)
            {
                proven = true;
                await world.PutSuccessAsync(newNodes[0], t0.AddMinutes(minute + 1));
            }
        }

        return (minute, stage);
    }

    /// <summary>A failed restore on the AL2 group; detect plans the migration (awaiting approval); the runbook approves and starts it.</summary>
    private async Task<string> PlanAndApproveAsync(string? policy = null)
    {
        var oldNodes = await world.ResetAsync(policy);
        var detect = await world.InvokeAsync("detect", MigrationWorld.FailureEvent(oldNodes[0], t0), t0.AddMinutes(1));
        var migrate = detect.GetProperty("plan").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "eks-migrate-nodegroup");
        Assert.True(migrate.GetProperty("status").GetString() == "awaiting-approval", migrate.ToString());
        var id = migrate.GetProperty("id").GetString()!;

        var apply = await world.InvokeAsync("runbook", $$"""{"action":"apply","actionId":"{{id}}","approvedBy":"sam","reason":"move off AL2"}""", t0.AddMinutes(2));
        Assert.True(apply.GetProperty("status").GetString() == "ok", apply.ToString());
        return id;
    }

    private Task<JsonElement> ReconcileAsync(int minutes) => world.InvokeAsync("reconcile", "{}", t0.AddMinutes(minutes));

    private async Task<List<JsonElement>> ReconcileMigrationsAsync(int minutes) => Migrations(await ReconcileAsync(minutes));

    private static List<JsonElement> Migrations(JsonElement run) => [.. run.GetProperty("migrations").EnumerateArray()];

    private static JsonElement Migration(JsonElement run, string id) =>
        run.GetProperty("migrations").EnumerateArray().SingleOrDefault(m => m.GetProperty("id").GetString() == id) is { ValueKind: JsonValueKind.Object } m ? m
        : throw new Xunit.Sdk.XunitException($"migration {id} not in {run}");

    private static (string?, string?) StageOf(JsonElement run, string id)
    {
        var m = Migration(run, id);
        return (m.GetProperty("stage").GetString(), m.GetProperty("step").GetString());
    }

    private static (int Desired, int Min) Scaling(JsonElement? group) =>
        (group!.Value.GetProperty("scaling").GetProperty("desiredSize").GetInt32(), group.Value.GetProperty("scaling").GetProperty("minSize").GetInt32());
}
