using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Aws.State;

namespace InstantOnRemediate.Aws.Tests.State;

/// <summary>The behaviour every IStateStore must have; run against DynamoDB (moto_server) and the file store.</summary>
public abstract class StateStoreContract
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    internal ManualTimeProvider Clock { get; } = new(Start);

    protected abstract Task<IStateStore> CreateStoreAsync();

    [Fact]
    public async Task TryMarkEventProcessed_DuplicateDelivery_ProcessedOnce()
    {
        var store = await CreateStoreAsync();
        var ids = Enumerable.Range(0, 10).Select(i => $"3700000000000000000000000000000000000000000000000000{i:D4}").ToList();

        var first = await Task.WhenAll(ids.Select(id => store.TryMarkEventProcessedAsync("/aws/containerinsights/prod/application", id, Start.AddDays(1))));
        var redelivered = await Task.WhenAll(ids.Select(id => store.TryMarkEventProcessedAsync("/aws/containerinsights/prod/application", id, Start.AddDays(1))));

        Assert.All(first, Assert.True);
        Assert.All(redelivered, Assert.False);
        Assert.True(await store.TryMarkEventProcessedAsync("/aws/containerinsights/other/application", ids[0], Start.AddDays(1)));
    }

    [Fact]
    public async Task TryMarkEventProcessed_ConcurrentDuplicates_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.TryMarkEventProcessedAsync("/lg", "42", Start.AddDays(1)))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task TryMarkEventProcessed_AfterTtl_KeyIsFreeAgain()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryMarkEventProcessedAsync("/lg", "7", Start.AddMinutes(5)));

        Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(await store.TryMarkEventProcessedAsync("/lg", "7", Clock.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public async Task TryClaimAction_TwentyConcurrentClaims_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var claims = Enumerable.Range(0, 20).Select(i => new ActionClaim
        {
            ActionId = "9db236fcbe1ed68aad5148615bab2dfe", Type = "eks-label-nodegroup", Cluster = "prod", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported",
            Owner = $"detect/request-{i}", ClaimedAt = Start, ExpiresAt = Start.AddHours(6),
        });

        var results = await Task.WhenAll(claims.Select(c => Task.Run(() => store.TryClaimActionAsync(c))));

        Assert.Equal(1, results.Count(r => r));
        var recorded = Assert.Single(await store.GetRecentClaimsAsync("prod", Start.AddMinutes(-1)));
        Assert.Equal("ng-al2", recorded.Nodegroup);
        Assert.StartsWith("detect/request-", recorded.Owner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecentFailures_WindowAndDedupe_OnlyRecentDistinct()
    {
        var store = await CreateStoreAsync();
        FailureObservation Failure(string id, int minutesAgo) => new()
        {
            FindingId = id, Cluster = "prod", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported", Pod = "pod-" + id, At = Start.AddMinutes(-minutesAgo),
        };

        await store.RecordFailureAsync(Failure("a", 5), Start.AddDays(1));
        await store.RecordFailureAsync(Failure("a", 5), Start.AddDays(1));
        await store.RecordFailureAsync(Failure("b", 20), Start.AddDays(1));
        await store.RecordFailureAsync(Failure("c", 90), Start.AddDays(1));
        await store.RecordFailureAsync(Failure("d", 1) with { Cluster = "other" }, Start.AddDays(1));

        var recent = await store.GetRecentFailuresAsync("prod", Start.AddMinutes(-30));

        Assert.Equal(["b", "a"], recent.Select(f => f.FindingId));
        Assert.Equal(Start.AddMinutes(-5), recent[1].At);
        Assert.Equal("rseq-ptrace-unsupported", recent[1].Cause);
    }

    [Fact]
    public async Task Cooldowns_ExpireWithTheirUntil()
    {
        var store = await CreateStoreAsync();
        await store.SetCooldownAsync(new CooldownRecord { Cluster = "prod", Nodegroup = "ng-al2", Cause = "vdso", Until = Start.AddHours(1), ActionId = "a1" });

        var active = Assert.Single(await store.GetCooldownsAsync("prod"));
        Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal("a1", active.ActionId);
        Assert.Empty(await store.GetCooldownsAsync("prod"));
    }

    [Fact]
    public async Task Migrations_SavedAgainReplaced_FinishedOnesExpire()
    {
        var store = await CreateStoreAsync();
        var running = new Core.Migration.MigrationRecord
        {
            Id = "m1", Cluster = "prod", Source = "ng-al2", Target = "ng-al2-al2023", Stage = "wait-target", StartedAt = Start, WaitingSince = Start,
            FenceKey = "instanton.openliberty.io/restore-incompatible", FenceValue = "true", Workloads = ["orders"],
            History = [new Core.Migration.MigrationStageEntry { Stage = "prepare", StartedAt = Start, FinishedAt = Start, UpdateIds = ["u1"] }],
        };
        await store.SaveMigrationAsync(running);
        await store.SaveMigrationAsync(running with { Stage = "fence", PendingUpdateId = "u2" });
        await store.SaveMigrationAsync(running with { Id = "m2", Stage = "done", StartedAt = Start.AddMinutes(1) });

        var both = await store.GetMigrationsAsync("prod");
        Assert.Equal([("m1", "fence"), ("m2", "done")], both.Select(m => (m.Id, m.Stage)));
        Assert.Equal(["u1"], both[0].History[0].UpdateIds);
        Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal("m1", Assert.Single(await store.GetMigrationsAsync("prod")).Id); // a running migration never expires
    }

    [Fact]
    public async Task InFlight_PutThenRemove_Tracked()
    {
        var store = await CreateStoreAsync();
        await store.PutInFlightAsync(new InFlightAction { ActionId = "a1", Type = "eks-create-nodegroup", Cluster = "prod", Nodegroup = "ng-al2", Reference = "ng-al2-al2023", StartedAt = Start });
        await store.PutInFlightAsync(new InFlightAction { ActionId = "a2", Type = "ssm-run-command", Cluster = "prod", Reference = "cmd-1", StartedAt = Start });

        Assert.Equal(["a1", "a2"], (await store.GetInFlightAsync("prod")).Select(a => a.ActionId));
        await store.RemoveInFlightAsync("prod", "a1");

        Assert.Equal("cmd-1", Assert.Single(await store.GetInFlightAsync("prod")).Reference);
    }

    [Fact]
    public async Task InFlight_SsmCommand_KeepsItsDocument()
    {
        var store = await CreateStoreAsync();
        await store.PutInFlightAsync(new InFlightAction { ActionId = "a2", Type = "ssm-run-command", Cluster = "prod", Reference = "cmd-1", StartedAt = Start, Document = "InstantOnRemediate-prod-NodeDiagnostics" });

        Assert.Equal("InstantOnRemediate-prod-NodeDiagnostics", Assert.Single(await store.GetInFlightAsync("prod")).Document);
    }

    [Fact]
    public async Task NodeProbes_OnePerNodegroup_LatestReplacesAndTheyExpire()
    {
        var store = await CreateStoreAsync();
        NodeProbeRecord Probe(string nodegroup, string kernel) => new()
        {
            Cluster = "prod", Nodegroup = nodegroup, InstanceId = "i-0123456789abcdef0", AmiId = "ami-0c5d2b8e41f7a3c96", Kernel = kernel,
            Features = new Dictionary<string, bool> { ["ptrace-get-rseq-conf"] = false }, At = Start, Source = "diagnostics action a1", CommandId = "cmd-1",
        };
        await store.RecordNodeProbeAsync(Probe("ng-al2", "5.10.226-214.880.amzn2.x86_64"), Start.AddDays(30));
        await store.RecordNodeProbeAsync(Probe("ng-al2", "5.10.230-223.885.amzn2.x86_64"), Start.AddDays(30));
        await store.RecordNodeProbeAsync(Probe("ng-al2023", "6.1.119-129.201.amzn2023.x86_64"), Start.AddDays(1));

        var probes = await store.GetNodeProbesAsync("prod");
        Assert.Equal([("ng-al2", "5.10.230-223.885.amzn2.x86_64"), ("ng-al2023", "6.1.119-129.201.amzn2023.x86_64")], probes.Select(p => (p.Nodegroup, p.Kernel)).Order());
        Assert.False(probes[0].Features["ptrace-get-rseq-conf"]);
        Assert.Empty(await store.GetNodeProbesAsync("staging"));
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("ng-al2", Assert.Single(await store.GetNodeProbesAsync("prod")).Nodegroup);
    }

    [Fact]
    public async Task RecordRestoreOutcome_SameFindingTwice_CountedOnce()
    {
        var store = await CreateStoreAsync();

        await store.RecordRestoreOutcomeAsync("AL2_x86_64", "1.31.14-20251209", success: false, "f1");
        await store.RecordRestoreOutcomeAsync("AL2_x86_64", "1.31.14-20251209", success: false, "f1");
        await store.RecordRestoreOutcomeAsync("AL2_x86_64", "1.31.14-20251209", success: false, "f2");
        await store.RecordRestoreOutcomeAsync("AL2023_x86_64_STANDARD", "1.31.13-20260714", success: true, "f3");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.RecordRestoreOutcomeAsync("AL2023_x86_64_STANDARD", "1.31.13-20260714", success: true, "g"))));
        for (var i = 0; i < 9; i++)
        {
            await store.RecordRestoreOutcomeAsync("AL2023_x86_64_STANDARD", "1.31.13-20260714", success: true, $"h{i}");
        }

        var matrix = await store.GetRestoreOutcomesAsync();

        var al2 = Assert.Single(matrix, m => m.AmiType == "AL2_x86_64");
        Assert.Equal((0L, 2L), (al2.Successes, al2.Failures));
        var al2023 = Assert.Single(matrix, m => m.AmiType == "AL2023_x86_64_STANDARD");
        Assert.Equal((11L, 0L), (al2023.Successes, al2023.Failures));
        Assert.Equal("1.31.13-20260714", al2023.ReleaseVersion);
    }

    [Fact]
    public async Task Approvals_PendingKeepsFirstSince_ApproveRecordsWho()
    {
        var store = await CreateStoreAsync();
        await store.RecordPendingApprovalAsync("prod", "a1", Start);
        await store.RecordPendingApprovalAsync("prod", "a1", Start.AddMinutes(30));

        Assert.False(await store.ApproveAsync("prod", "never-pending", "ana", Start));
        Assert.True(await store.ApproveAsync("prod", "a1", "arn:aws:iam::123456789012:user/ana", Start.AddHours(1)));

        var approval = Assert.Single(await store.GetApprovalsAsync("prod"));
        Assert.Equal(Start, approval.PendingSince);
        Assert.Equal("arn:aws:iam::123456789012:user/ana", approval.ApprovedBy);
        Assert.Equal(Start.AddHours(1), approval.ApprovedAt);
    }

    [Fact]
    public async Task Pause_CachedUntilValidUntil()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetPauseAsync());

        await store.SetPauseAsync(new PauseState { Paused = true, Source = "/instanton-remediate/paused", CheckedAt = Start, ValidUntil = Start.AddSeconds(60) });
        var cached = await store.GetPauseAsync();
        Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.True(cached!.Paused);
        Assert.Null(await store.GetPauseAsync());
    }

    [Fact]
    public async Task Audit_AppendAndReadBack_InTimeOrder()
    {
        var store = await CreateStoreAsync();
        await store.AppendAuditAsync(new AuditRecord { Cluster = "prod", At = Start.AddMinutes(2), Who = "detect/req-2", What = "executed", ActionId = "a1", ActionType = "eks-label-nodegroup", Nodegroup = "ng-al2", Why = "label", Reference = "upd-1" });
        await store.AppendAuditAsync(new AuditRecord { Cluster = "prod", At = Start.AddMinutes(1), Who = "runbook/ana", What = "approved", ActionId = "a2", Why = "looks right" });

        var trail = await store.GetAuditAsync("prod", Start);

        Assert.Equal(["approved", "executed"], trail.Select(a => a.What));
        Assert.Equal("upd-1", trail[1].Reference);
    }

    [Fact]
    public async Task SnapshotReader_CombinesEverythingDecideNeeds()
    {
        var store = await CreateStoreAsync();
        await store.RecordFailureAsync(new FailureObservation { FindingId = "f1", Cluster = "prod", Nodegroup = "ng", Cause = "vdso", At = Start.AddMinutes(-1) }, Start.AddDays(1));
        await store.SetCooldownAsync(new CooldownRecord { Cluster = "prod", Nodegroup = "ng", Cause = "vdso", Until = Start.AddHours(1) });
        await store.SetPauseAsync(new PauseState { Paused = true, Source = "/p", CheckedAt = Start, ValidUntil = Start.AddMinutes(1) });

        var snapshot = await StateSnapshotReader.ReadAsync(store, ["prod"], PolicyLoader.LoadDefault(), Start);

        Assert.True(snapshot.Paused);
        Assert.Equal("/p", snapshot.PausedBy);
        Assert.Single(snapshot.RecentFailures);
        Assert.Single(snapshot.Cooldowns);
    }

    [Fact]
    public async Task SaveAction_ThenGetAction_RoundTripsTheWholeAction()
    {
        var store = await CreateStoreAsync();
        var action = new Core.Planning.PlanAction
        {
            Id = "5c1f0e2d9a8b7c6d5e4f3a2b1c0d9e8f", Type = "eks-create-nodegroup", Status = "awaiting-approval", Cause = "rseq-ptrace-unsupported", Disruptive = true, Mode = "recommend",
            Target = new Core.Planning.ActionTarget { Cluster = "prod", Nodegroup = "ng-al2" },
            Parameters = new Core.Actions.Definitions.EksCreateNodegroupParameters
            {
                NodegroupName = "ng-al2-al2023", Subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"], Labels = new Dictionary<string, string> { ["a"] = "b" }, MaxSize = 2,
            },
            Reason = "node group ng-al2 cannot restore InstantOn - disruptive: needs approval", FindingIds = ["f-1", "f-2"], Undo = "delete the created node group",
        };

        await store.SaveActionAsync(action);
        var read = await store.GetActionAsync(action.Id);

        Assert.NotNull(read);
        Assert.Equal(action.Id, read.Id);
        Assert.Equal(action.Target.Nodegroup, read.Target.Nodegroup);
        var parameters = Assert.IsType<Core.Actions.Definitions.EksCreateNodegroupParameters>(read.Parameters);
        Assert.Equal(("ng-al2-al2023", 2), (parameters.NodegroupName, parameters.MaxSize));
        Assert.Equal(["subnet-0a1b2c3d", "subnet-0e1f2a3b"], parameters.Subnets);
        Assert.Equal("b", parameters.Labels["a"]);
        Assert.Equal(action.FindingIds, read.FindingIds);
        Assert.True(read.Disruptive);
        Assert.Equal(action.Reason, read.Reason);
    }

    [Fact]
    public async Task SaveAction_SavedAgain_KeepsTheLatestStatus()
    {
        var store = await CreateStoreAsync();
        var action = new Core.Planning.PlanAction
        {
            Id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0", Type = "eks-label-nodegroup", Status = "awaiting-approval", Reason = "pending",
            Target = new Core.Planning.ActionTarget { Cluster = "prod", Nodegroup = "ng-al2" },
        };

        await store.SaveActionAsync(action);
        await store.SaveActionAsync(action with { Status = "executed", Reference = "update-1" });

        var read = await store.GetActionAsync(action.Id);
        Assert.Equal("executed", read?.Status);
        Assert.Equal("update-1", read?.Reference);
    }

    [Fact]
    public async Task GetAction_UnknownOrAfter30Days_Null()
    {
        var store = await CreateStoreAsync();
        var action = new Core.Planning.PlanAction
        {
            Id = "aaaabbbbccccddddeeeeffff00001111", Type = "eks-label-nodegroup", Status = "executed", Reason = "labelled",
            Target = new Core.Planning.ActionTarget { Cluster = "prod", Nodegroup = "ng-al2" },
        };
        await store.SaveActionAsync(action);

        Assert.Null(await store.GetActionAsync("ffffeeeeddddccccbbbbaaaa99998888"));
        Assert.NotNull(await store.GetActionAsync(action.Id));
        Clock.Advance(TimeSpan.FromDays(31));
        Assert.Null(await store.GetActionAsync(action.Id));
    }
}
