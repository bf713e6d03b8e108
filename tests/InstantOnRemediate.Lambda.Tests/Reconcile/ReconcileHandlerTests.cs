using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using System.Text.Json;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Lambda.Tests.Handlers;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

/// <summary>reconcile offline: the shipped demo inventory, a local state directory, a fixed clock.</summary>
public sealed class ReconcileHandlerTests : IDisposable
{
    private readonly ReconcileWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public async Task HandleAsync_ScheduledEvent_ReportsEventIdTimeAndEveryDemoCluster()
    {
        var root = await world.ReconcileAsync(HandlerTestContext.Now, File.ReadAllText(RepoPaths.Event("reconcile", "schedule.json")));

        Assert.Equal("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", root.GetProperty("eventId").GetString());
        Assert.Equal(new DateTimeOffset(2025, 5, 8, 10, 15, 0, TimeSpan.Zero), root.GetProperty("scheduledTime").GetDateTimeOffset());
        Assert.Equal(["prod-eks", "staging-eks"], root.GetProperty("clusters").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task HandleAsync_EmptyObject_AcceptedWithoutScheduledTime()
    {
        var root = await world.ReconcileAsync(HandlerTestContext.Now);

        Assert.Equal(JsonValueKind.Null, root.GetProperty("scheduledTime").ValueKind);
        Assert.Equal(HandlerTestContext.Now, root.GetProperty("now").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"tick\"")]
    [InlineData("{")]
    public async Task HandleAsync_NotAnObject_ThrowsInvalidRequest(string json)
    {
        var handler = FunctionFactory.Create("reconcile", new FunctionOptions { StateDirectory = world.StateDirectory }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System);

        await Assert.ThrowsAsync<InvalidRequestException>(() => handler.HandleAsync(SubscriptionEnvelopes.Utf8(json), HandlerTestContext.Create(), CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_IncompatibleNodegroup_AlertsOnceNamingTheCompatibleTarget()
    {
        var first = await world.ReconcileAsync(HandlerTestContext.Now);
        var second = await world.ReconcileAsync(HandlerTestContext.Now.AddMinutes(5));

        var prod = first.GetProperty("audit").EnumerateArray().Single(a => a.GetProperty("cluster").GetString() == "prod-eks");
        Assert.Equal((1, 1), (prod.GetProperty("compatible").GetInt32(), prod.GetProperty("incompatible").GetInt32()));
        var group = prod.GetProperty("incompatibleNodegroups").EnumerateArray().Single();
        Assert.Equal("ng-al2-general", group.GetProperty("nodegroup").GetString());
        Assert.Equal(["ng-al2023-general"], group.GetProperty("compatibleNodegroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("ptrace-get-rseq-conf", group.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.True(group.GetProperty("alerted").GetBoolean());
        var alert = first.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("groupKey").GetString() == "incompatible/prod-eks/ng-al2-general");
        Assert.Contains("ng-al2023-general", alert.GetProperty("body").GetString(), StringComparison.Ordinal);

        var again = second.GetProperty("audit").EnumerateArray().Single(a => a.GetProperty("cluster").GetString() == "prod-eks").GetProperty("incompatibleNodegroups")[0];
        Assert.False(again.GetProperty("alerted").GetBoolean());
        Assert.DoesNotContain(second.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("groupKey").GetString()!.StartsWith("incompatible/prod-eks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_LaterSuccessOnTheCompatibleGroup_VerifiesTheFix()
    {
        var actionId = await world.SeedExecutedLabelAsync();
        var detect = await world.DetectAsync("eks-success-al2023.json", ReconcileWorld.ActionAt.AddMinutes(20));
        Assert.Equal("restore-success", detect.GetProperty("findings")[0].GetProperty("verdict").GetString());

        var root = await world.ReconcileAsync(ReconcileWorld.ActionAt.AddMinutes(25));

        var verification = root.GetProperty("verified").EnumerateArray().Single();
        Assert.Equal((actionId, "verified"), (verification.GetProperty("actionId").GetString(), verification.GetProperty("status").GetString()));
        Assert.Contains(verification.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.Contains("ng-al2023-general", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("subject").GetString()!.Contains("RESOLVED", StringComparison.Ordinal));
        var store = world.Store(ReconcileWorld.ActionAt.AddMinutes(26));
        var fix = Assert.Single(await store.GetVerifiedFixesAsync(ReconcileWorld.Cluster));
        Assert.Equal((ReconcileWorld.Al2, ReconcileWorld.Cause, actionId), (fix.Nodegroup, fix.Cause, fix.ActionId));
        Assert.Contains(await store.GetAuditAsync(ReconcileWorld.Cluster, ReconcileWorld.ActionAt), r => r.What == "verified" && r.ActionId == actionId);
        var followed = root.GetProperty("followed").EnumerateArray().Single();
        Assert.Equal("not-followed", followed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HandleAsync_NoOutcomeWithinTheEscalationTimeout_EscalatesOnce()
    {
        var actionId = await world.SeedExecutedLabelAsync();

        var waiting = await world.ReconcileAsync(ReconcileWorld.ActionAt.AddMinutes(30));
        var late = await world.ReconcileAsync(ReconcileWorld.ActionAt.AddMinutes(241));
        var later = await world.ReconcileAsync(ReconcileWorld.ActionAt.AddMinutes(300));

        Assert.Equal("waiting", waiting.GetProperty("verified")[0].GetProperty("status").GetString());
        Assert.Empty(waiting.GetProperty("escalated").EnumerateArray());
        var escalation = late.GetProperty("escalated").EnumerateArray().Single();
        Assert.Equal(("no-outcome", actionId), (escalation.GetProperty("kind").GetString(), escalation.GetProperty("actionId").GetString()));
        var alert = late.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("groupKey").GetString() == "escalated/no-outcome/" + actionId);
        Assert.Contains("no restore", alert.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("orders", alert.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty(later.GetProperty("verified").EnumerateArray());
        Assert.Empty(later.GetProperty("escalated").EnumerateArray());
    }

    [Fact]
    public async Task HandleAsync_SameCauseFailsAgainAfterSettling_EscalatesFixNotWorking()
    {
        var actionId = await world.SeedExecutedLabelAsync();
        await world.Store(ReconcileWorld.ActionAt).RecordFailureAsync(new FailureObservation
        {
            FindingId = "after-the-label", Cluster = ReconcileWorld.Cluster, Nodegroup = ReconcileWorld.Al2, Cause = ReconcileWorld.Cause,
            Pod = "orders-7d9f8b6c5-zz9kd", Node = "ip-192-168-12-34.us-west-2.compute.internal", At = ReconcileWorld.ActionAt.AddMinutes(15),
        }, ReconcileWorld.ActionAt.AddDays(2));

        var root = await world.ReconcileAsync(ReconcileWorld.ActionAt.AddMinutes(20));

        var escalation = root.GetProperty("escalated").EnumerateArray().Single();
        Assert.Equal(("fix-not-working", actionId), (escalation.GetProperty("kind").GetString(), escalation.GetProperty("actionId").GetString()));
        Assert.Contains("orders-7d9f8b6c5-zz9kd", root.GetProperty("verified")[0].GetProperty("evidence")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ApprovalWaitingLongerThanTheTimeout_EscalatedOnce()
    {
        await world.Store(HandlerTestContext.Now).RecordPendingApprovalAsync(ReconcileWorld.Cluster, "3f9ac4a5e35ef90e2c472d4eaf1eea89", HandlerTestContext.Now);
        const string policy = """{"version":1,"escalation":{"approvalTimeoutMinutes":60}}""";

        var early = await world.ReconcileAsync(HandlerTestContext.Now.AddMinutes(59), policy: policy);
        var overdue = await world.ReconcileAsync(HandlerTestContext.Now.AddMinutes(61), policy: policy);
        var again = await world.ReconcileAsync(HandlerTestContext.Now.AddMinutes(90), policy: policy);

        Assert.Empty(early.GetProperty("escalated").EnumerateArray());
        var escalation = overdue.GetProperty("escalated").EnumerateArray().Single();
        Assert.Equal(("approval-overdue", "3f9ac4a5e35ef90e2c472d4eaf1eea89"), (escalation.GetProperty("kind").GetString(), escalation.GetProperty("actionId").GetString()));
        Assert.Empty(again.GetProperty("escalated").EnumerateArray());
    }
}
