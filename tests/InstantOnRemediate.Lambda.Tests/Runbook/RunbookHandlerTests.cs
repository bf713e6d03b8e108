using System.Text.Json;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Runbook;

/// <summary>The runbook function in-process through FunctionFactory, offline: file state, inventory snapshot, fixed clock.</summary>
public sealed class RunbookHandlerTests : IDisposable
{
    private readonly RunbookBench bench = new();

    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(RepoPaths.Event("runbook"), "*.json").Select(f => Path.GetFileName(f)).Where(f => !f.StartsWith("malformed-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task HandleAsync_EverySample_AnswersWithAStatusAndSummary(string file)
    {
        var payload = File.ReadAllBytes(RepoPaths.Event("runbook", file));

        var root = await bench.RunbookAsync(payload);

        Assert.Equal(JsonDocument.Parse(payload).RootElement.GetProperty("action").GetString(), root.GetProperty("action").GetString());
        Assert.Equal("enforce", root.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task HandleAsync_MalformedSample_IsRejected()
    {
        var payload = File.ReadAllBytes(RepoPaths.Event("runbook", "malformed-unknown-action.json"));

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => bench.RunbookAsync(payload));

        Assert.Contains("(got 'drain')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_InjectionInPodName_RejectedBeforeAnythingIsRead()
    {
        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => bench.RunbookAsync("""{"action":"diagnose","cluster":"prod-eks","pod":"$(reboot)"}"""));

        Assert.Contains("'pod' must be a Kubernetes pod name", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(bench.StateDirectory) && Directory.EnumerateFiles(bench.StateDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Diagnose_NodegroupAfterDetect_ShowsFailuresCompatibilityAndCause()
    {
        await bench.DetectAsync();

        var root = await bench.RunbookAsync("""{"action":"diagnose","cluster":"prod-eks","nodegroup":"ng-al2-general"}""");

        Assert.Equal("ok", root.GetProperty("status").GetString());
        var diagnosis = root.GetProperty("diagnosis");
        Assert.Equal("rseq-ptrace-unsupported", diagnosis.GetProperty("cause").GetString());
        Assert.Equal("orders-7d9f8b6c5-x2k4q", diagnosis.GetProperty("failures")[0].GetProperty("pod").GetString());
        var group = Assert.Single(diagnosis.GetProperty("nodegroups").EnumerateArray());
        Assert.False(group.GetProperty("compatible").GetBoolean());
        Assert.Equal("ptrace-get-rseq-conf", group.GetProperty("missing")[0].GetString());
        Assert.Contains(diagnosis.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.StartsWith("1 restore failure(s) of rseq-ptrace-unsupported across 1 pod(s) on node group ng-al2-general", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, diagnosis.GetProperty("logs").ValueKind);
        Assert.Contains("cannot restore InstantOn: ng-al2-general", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_PodAndNode_NarrowToTheirFailures()
    {
        await bench.DetectAsync();

        var pod = await bench.RunbookAsync("""{"action":"diagnose","cluster":"prod-eks","pod":"orders-7d9f8b6c5-x2k4q","namespace":"shop"}""");
        var otherPod = await bench.RunbookAsync("""{"action":"diagnose","cluster":"prod-eks","pod":"billing-5c4b3a2d1-q9w8e"}""");
        var node = await bench.RunbookAsync("""{"action":"diagnose","cluster":"prod-eks","node":"ip-192-168-12-34.us-west-2.compute.internal"}""");

        Assert.Single(pod.GetProperty("diagnosis").GetProperty("failures").EnumerateArray());
        Assert.Equal("ng-al2-general", pod.GetProperty("diagnosis").GetProperty("nodegroups")[0].GetProperty("name").GetString());
        Assert.Empty(otherPod.GetProperty("diagnosis").GetProperty("failures").EnumerateArray());
        Assert.Equal("node ip-192-168-12-34.us-west-2.compute.internal", node.GetProperty("diagnosis").GetProperty("scope").GetString());
        Assert.Single(node.GetProperty("diagnosis").GetProperty("failures").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"action":"diagnose","cluster":"no-such-cluster"}""", "Cluster no-such-cluster is unknown")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","nodegroup":"ng-missing"}""", "node group ng-missing is not in the inventory")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","node":"ip-10-9-9-9.ec2.internal"}""", "node ip-10-9-9-9.ec2.internal is not in the inventory")]
    [InlineData("""{"action":"apply","actionId":"00000000000000000000000000000000","approvedBy":"oncall@example.com","reason":"approve it"}""", "No action 00000000000000000000000000000000 is known")]
    [InlineData("""{"action":"rollback","actionId":"00000000000000000000000000000000","approvedBy":"oncall@example.com","reason":"undo it"}""", "No action 00000000000000000000000000000000 is known")]
    public async Task HandleAsync_UnknownTarget_NotFoundSayingWhat(string json, string expected)
    {
        var root = await bench.RunbookAsync(json);

        Assert.Equal("not-found", root.GetProperty("status").GetString());
        Assert.Contains(expected, root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_AfterDetect_ShowsCreateNodegroupAwaitingApprovalAndRecordsNothing()
    {
        var detect = await bench.DetectAsync();
        var planned = RunbookBench.AwaitingCreate(detect);
        var auditBefore = await AuditCountAsync();

        var root = await bench.RunbookAsync("""{"action":"plan","cluster":"prod-eks","cause":"rseq-ptrace-unsupported"}""");

        Assert.Equal("ok", root.GetProperty("status").GetString());
        var action = RunbookBench.AwaitingCreate(root);
        Assert.Equal(planned.GetProperty("id").GetString(), action.GetProperty("id").GetString());
        Assert.Equal("AL2023_x86_64_STANDARD", action.GetProperty("parameters").GetProperty("amiType").GetString());
        Assert.Contains("Nothing was executed or recorded", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Plan_NoRecentFailure_NothingToDo()
    {
        var root = await bench.RunbookAsync("""{"action":"plan","cluster":"prod-eks"}""");

        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Empty(root.GetProperty("plan").GetProperty("actions").EnumerateArray());
        Assert.StartsWith("No restore failure of prod-eks recorded in the last 30 min", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterDetect_ListsTheActionAwaitingApprovalWithAgeAndApprovePayload()
    {
        var id = RunbookBench.AwaitingCreate(await bench.DetectAsync()).GetProperty("id").GetString()!;

        var root = await bench.RunbookAsync("""{"action":"status","cluster":"prod-eks"}""");

        var pending = Assert.Single(root.GetProperty("report").GetProperty("awaitingApproval").EnumerateArray());
        Assert.Equal(id, pending.GetProperty("actionId").GetString());
        Assert.Equal("eks-create-nodegroup", pending.GetProperty("type").GetString());
        Assert.Equal(0, pending.GetProperty("ageMinutes").GetInt64());
        Assert.Contains(id, pending.GetProperty("approveWith").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 awaiting approval", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(root.GetProperty("report").GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task Apply_Offline_RecordsApprovalAndAuditButCarriesNothingOut()
    {
        var id = RunbookBench.AwaitingCreate(await bench.DetectAsync()).GetProperty("id").GetString()!;

        var root = await bench.RunbookAsync($$"""{"action":"apply","planId":"plan-3f6c1a9e0b7d2c45","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"move InstantOn to AL2023"}""");
        var status = await bench.RunbookAsync("""{"action":"status","cluster":"prod-eks"}""");

        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Contains("not carried out by this local run", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("planned", root.GetProperty("result").GetProperty("action").GetProperty("status").GetString());
        Assert.Empty(status.GetProperty("report").GetProperty("awaitingApproval").EnumerateArray());
        var approved = Assert.Single(status.GetProperty("report").GetProperty("recentAudit").EnumerateArray(), a => a.GetProperty("what").GetString() == "eks-create-nodegroup approved");
        Assert.Equal("oncall@example.com", approved.GetProperty("who").GetString());
        Assert.Equal("move InstantOn to AL2023 (plan plan-3f6c1a9e0b7d2c45)", approved.GetProperty("why").GetString());
    }

    [Fact]
    public async Task Apply_WhilePaused_RejectedAndNotApproved()
    {
        var id = RunbookBench.AwaitingCreate(await bench.DetectAsync()).GetProperty("id").GetString()!;
        await bench.RunbookAsync("""{"action":"pause","by":"oncall@example.com","reason":"maintenance window"}""");

        var root = await bench.RunbookAsync($$"""{"action":"apply","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"move InstantOn to AL2023"}""");
        var status = await bench.RunbookAsync("""{"action":"status","cluster":"prod-eks"}""");

        Assert.Equal("rejected", root.GetProperty("status").GetString());
        Assert.StartsWith("Paused (", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Single(status.GetProperty("report").GetProperty("awaitingApproval").EnumerateArray());
        Assert.True(status.GetProperty("report").GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task Apply_ObserveMode_Rejected()
    {
        var id = RunbookBench.AwaitingCreate(await bench.DetectAsync()).GetProperty("id").GetString()!;

        var root = await bench.RunbookAsync(
            $$"""{"action":"apply","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"move InstantOn to AL2023"}""", bench.Options with { Mode = "observe" });

        Assert.Equal("rejected", root.GetProperty("status").GetString());
        Assert.Contains("observe mode", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ActionNotExecuted_Rejected()
    {
        var id = RunbookBench.AwaitingCreate(await bench.DetectAsync()).GetProperty("id").GetString()!;

        var root = await bench.RunbookAsync($$"""{"action":"rollback","actionId":"{{id}}","approvedBy":"oncall@example.com","reason":"not needed","deleteCreatedNodegroup":true}""");

        Assert.Equal("rejected", root.GetProperty("status").GetString());
        Assert.Contains("is awaiting-approval: only an executed action can be rolled back", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseThenResume_SwitchFollowsAndBothAreAudited()
    {
        var paused = await bench.RunbookAsync("""{"action":"pause","by":"oncall@example.com","reason":"maintenance window"}""");
        var resumed = await bench.RunbookAsync("""{"action":"resume","by":"lead@example.com","reason":"window closed"}""");
        var status = await bench.RunbookAsync("""{"action":"status"}""");

        Assert.True(paused.GetProperty("pause").GetProperty("paused").GetBoolean());
        Assert.False(resumed.GetProperty("pause").GetProperty("paused").GetBoolean());
        Assert.Equal(
            ["resumed lead@example.com window closed", "paused oncall@example.com maintenance window"],
            status.GetProperty("report").GetProperty("recentAudit").EnumerateArray().Select(a => $"{a.GetProperty("what").GetString()} {a.GetProperty("who").GetString()} {a.GetProperty("why").GetString()}"));
    }

    [Fact]
    public async Task HandleAsync_ClusterOutsideConfiguredClusters_Rejected()
    {
        var root = await bench.RunbookAsync("""{"action":"diagnose","cluster":"prod-eks"}""", settings: bench.Settings with { Clusters = ["staging-eks"] });

        Assert.Equal("rejected", root.GetProperty("status").GetString());
        Assert.Contains("not one this stack looks after", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private async Task<int> AuditCountAsync() =>
        (await bench.RunbookAsync("""{"action":"status","cluster":"prod-eks"}""")).GetProperty("report").GetProperty("recentAudit").GetArrayLength();

    public void Dispose() => bench.Dispose();
}
