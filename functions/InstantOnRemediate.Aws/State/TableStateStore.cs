using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Aws.State;

/// <summary>
/// The state store logic over a key/value table with conditional create. The row layout (pk / sk) is the same
/// for DynamoDB and the file store:
/// <code>
/// event#&lt;logGroup&gt;#&lt;eventId&gt;      -                     processed marker (TTL)
/// failures#&lt;cluster&gt;                 &lt;atMs:D13&gt;#&lt;findingId&gt;  failure observations (TTL)
/// claim#&lt;actionId&gt;                    -                     action claim (conditional create, TTL)
/// claims#&lt;cluster&gt;                   &lt;atMs:D13&gt;#&lt;actionId&gt;   claims by time, for the blast radius (TTL)
/// cooldown#&lt;cluster&gt;                 &lt;nodegroup&gt;#&lt;cause&gt;   cooldowns (TTL = until)
/// inflight#&lt;cluster&gt;                 &lt;actionId&gt;            in-flight actions
/// verified#&lt;cluster&gt;                 &lt;nodegroup&gt;#&lt;cause&gt;   verified fixes (TTL)
/// audit#&lt;cluster&gt;                    &lt;atMs:D13&gt;#&lt;hash&gt;      audit trail
/// outcome#&lt;findingId&gt;                 -                     restore outcome counted (conditional create)
/// outcomes                            &lt;amiType&gt;#&lt;release&gt;   success / failure counters
/// approvals#&lt;cluster&gt;                &lt;actionId&gt;            pending / given approvals
/// action#&lt;actionId&gt;                   -                     the plan action as JSON (awaiting approval / carried out, TTL)
/// migration#&lt;cluster&gt;                &lt;migrationId&gt;         node-group migration: stage and history as JSON (TTL once finished)
/// probe#&lt;cluster&gt;                    &lt;nodegroup&gt;            what a node of the group reported (diagnostics document) as JSON (TTL)
/// pause                               -                     cached pause switch (TTL = validUntil)
/// </code>
/// </summary>
public abstract class TableStateStore : IStateStore
{
    private const string Single = "-";
    private static readonly TimeSpan OutcomeMarkerLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan InFlightLifetime = TimeSpan.FromDays(14);
    private static readonly TimeSpan AuditLifetime = TimeSpan.FromDays(400);
    private static readonly TimeSpan ApprovalLifetime = TimeSpan.FromDays(14);
    private static readonly TimeSpan ActionLifetime = TimeSpan.FromDays(30);
    private static readonly CoreJsonContext CompactJson = new(new JsonSerializerOptions(CoreJsonContext.Default.Options) { WriteIndented = false });

    private protected TableStateStore(TimeProvider time)
    {
        Time = time;
    }

    private protected TimeProvider Time { get; }

    private protected DateTimeOffset Now => Time.GetUtcNow();

    // Primitives each backend implements.
    private protected abstract Task<bool> PutIfAbsentAsync(StateItem item, CancellationToken cancellationToken);

    private protected abstract Task PutAsync(StateItem item, CancellationToken cancellationToken);

    private protected abstract Task<StateItem?> GetAsync(string pk, string sk, CancellationToken cancellationToken);

    /// <summary>Rows of a partition with sk ≥ <paramref name="skFrom"/> (all when null), in sk order, expired rows included.</summary>
    private protected abstract Task<IReadOnlyList<StateItem>> QueryAsync(string pk, string? skFrom, CancellationToken cancellationToken);

    private protected abstract Task DeleteAsync(string pk, string sk, CancellationToken cancellationToken);

    private protected abstract Task IncrementAsync(string pk, string sk, string counter, long delta, CancellationToken cancellationToken);

    public Task<bool> TryMarkEventProcessedAsync(string logGroup, string eventId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        PutIfAbsentAsync(new StateItem { Pk = $"event#{logGroup}#{eventId}", Sk = Single, Ttl = expiresAt.ToUnixTimeSeconds() }, cancellationToken);

    public async Task<bool> IsEventProcessedAsync(string logGroup, string eventId, CancellationToken cancellationToken = default) =>
        await GetAsync($"event#{logGroup}#{eventId}", Single, cancellationToken).ConfigureAwait(false) is { } item && !item.IsExpired(Now);

    public Task RecordFailureAsync(FailureObservation failure, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return PutAsync(new StateItem
        {
            Pk = $"failures#{failure.Cluster}",
            Sk = $"{Ms(failure.At)}#{failure.FindingId}",
            Ttl = expiresAt.ToUnixTimeSeconds(),
            Strings = Strings(("findingId", failure.FindingId), ("nodegroup", failure.Nodegroup), ("cause", failure.Cause), ("pod", failure.Pod), ("namespace", failure.Namespace), ("node", failure.Node), ("at", Iso(failure.At))),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FailureObservation>> GetRecentFailuresAsync(string cluster, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"failures#{cluster}", Ms(since), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new FailureObservation
        {
            FindingId = r.S("findingId")!, Cluster = cluster, Nodegroup = r.S("nodegroup")!, Cause = r.S("cause")!, Pod = r.S("pod"), Namespace = r.S("namespace"), Node = r.S("node"), At = Parse(r.S("at")),
        }).DistinctBy(f => f.FindingId)];
    }

    public async Task<bool> TryClaimActionAsync(ActionClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var strings = Strings(("actionId", claim.ActionId), ("type", claim.Type), ("cluster", claim.Cluster), ("nodegroup", claim.Nodegroup), ("cause", claim.Cause), ("owner", claim.Owner),
            ("claimedAt", Iso(claim.ClaimedAt)), ("expiresAt", Iso(claim.ExpiresAt)));
        var won = await PutIfAbsentAsync(new StateItem { Pk = $"claim#{claim.ActionId}", Sk = Single, Ttl = claim.ExpiresAt.ToUnixTimeSeconds(), Strings = strings }, cancellationToken).ConfigureAwait(false);
        if (won)
        {
            await PutAsync(new StateItem { Pk = $"claims#{claim.Cluster}", Sk = $"{Ms(claim.ClaimedAt)}#{claim.ActionId}", Ttl = claim.ExpiresAt.ToUnixTimeSeconds(), Strings = strings }, cancellationToken).ConfigureAwait(false);
        }

        return won;
    }

    public Task ReleaseClaimAsync(string actionId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"claim#{actionId}", Single, cancellationToken);

    public async Task<IReadOnlyList<ActionClaim>> GetRecentClaimsAsync(string cluster, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"claims#{cluster}", Ms(since), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new ActionClaim
        {
            ActionId = r.S("actionId")!, Type = r.S("type")!, Cluster = cluster, Nodegroup = r.S("nodegroup"), Cause = r.S("cause"), Owner = r.S("owner") ?? "",
            ClaimedAt = Parse(r.S("claimedAt")), ExpiresAt = Parse(r.S("expiresAt")),
        })];
    }

    public Task SetCooldownAsync(CooldownRecord cooldown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cooldown);
        return PutAsync(new StateItem
        {
            Pk = $"cooldown#{cooldown.Cluster}",
            Sk = $"{cooldown.Nodegroup}#{cooldown.Cause}",
            Ttl = cooldown.Until.ToUnixTimeSeconds(),
            Strings = Strings(("nodegroup", cooldown.Nodegroup), ("cause", cooldown.Cause), ("until", Iso(cooldown.Until)), ("actionId", cooldown.ActionId)),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CooldownRecord>> GetCooldownsAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"cooldown#{cluster}", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CooldownRecord { Cluster = cluster, Nodegroup = r.S("nodegroup")!, Cause = r.S("cause")!, Until = Parse(r.S("until")), ActionId = r.S("actionId") })];
    }

    public Task PutInFlightAsync(InFlightAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return PutAsync(new StateItem
        {
            Pk = $"inflight#{action.Cluster}",
            Sk = action.ActionId,
            Ttl = action.StartedAt.Add(InFlightLifetime).ToUnixTimeSeconds(),
            Strings = Strings(("actionId", action.ActionId), ("type", action.Type), ("nodegroup", action.Nodegroup), ("cause", action.Cause), ("reference", action.Reference), ("startedAt", Iso(action.StartedAt)), ("document", action.Document)),
        }, cancellationToken);
    }

    public Task RemoveInFlightAsync(string cluster, string actionId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"inflight#{cluster}", actionId, cancellationToken);

    public async Task<IReadOnlyList<InFlightAction>> GetInFlightAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"inflight#{cluster}", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new InFlightAction
        {
            ActionId = r.S("actionId")!, Type = r.S("type")!, Cluster = cluster, Nodegroup = r.S("nodegroup"), Cause = r.S("cause"), Reference = r.S("reference"), StartedAt = Parse(r.S("startedAt")), Document = r.S("document"),
        })];
    }

    public Task RecordVerifiedFixAsync(VerifiedFix fix, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return PutAsync(new StateItem
        {
            Pk = $"verified#{fix.Cluster}",
            Sk = $"{fix.Nodegroup}#{fix.Cause}",
            Ttl = expiresAt.ToUnixTimeSeconds(),
            Strings = Strings(("nodegroup", fix.Nodegroup), ("cause", fix.Cause), ("verifiedAt", Iso(fix.VerifiedAt)), ("actionId", fix.ActionId)),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<VerifiedFix>> GetVerifiedFixesAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"verified#{cluster}", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new VerifiedFix { Cluster = cluster, Nodegroup = r.S("nodegroup")!, Cause = r.S("cause")!, VerifiedAt = Parse(r.S("verifiedAt")), ActionId = r.S("actionId") })];
    }

    public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', record.Who, record.What, record.ActionId, record.Why, record.Reference))).AsSpan(0, 6));
        return PutAsync(new StateItem
        {
            Pk = $"audit#{record.Cluster}",
            Sk = $"{Ms(record.At)}#{digest}",
            Ttl = record.At.Add(AuditLifetime).ToUnixTimeSeconds(),
            Strings = Strings(("at", Iso(record.At)), ("who", record.Who), ("what", record.What), ("actionId", record.ActionId), ("actionType", record.ActionType),
                ("nodegroup", record.Nodegroup), ("why", record.Why), ("reference", record.Reference)),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> GetAuditAsync(string cluster, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"audit#{cluster}", Ms(since), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditRecord
        {
            Cluster = cluster, At = Parse(r.S("at")), Who = r.S("who") ?? "", What = r.S("what") ?? "", ActionId = r.S("actionId"), ActionType = r.S("actionType"),
            Nodegroup = r.S("nodegroup"), Why = r.S("why") ?? "", Reference = r.S("reference"),
        })];
    }

    public async Task RecordRestoreOutcomeAsync(string amiType, string releaseVersion, bool success, string findingId, CancellationToken cancellationToken = default)
    {
        var first = await PutIfAbsentAsync(new StateItem { Pk = $"outcome#{findingId}", Sk = Single, Ttl = Now.Add(OutcomeMarkerLifetime).ToUnixTimeSeconds() }, cancellationToken).ConfigureAwait(false);
        if (first)
        {
            await IncrementAsync("outcomes", $"{amiType}#{releaseVersion}", success ? "successes" : "failures", 1, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<RestoreOutcomeCounts>> GetRestoreOutcomesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("outcomes", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r =>
        {
            var cut = r.Sk.IndexOf('#', StringComparison.Ordinal);
            return new RestoreOutcomeCounts { AmiType = r.Sk[..cut], ReleaseVersion = r.Sk[(cut + 1)..], Successes = r.N("successes"), Failures = r.N("failures") };
        })];
    }

    public Task RecordPendingApprovalAsync(string cluster, string actionId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        PutIfAbsentAsync(new StateItem
        {
            Pk = $"approvals#{cluster}",
            Sk = actionId,
            Ttl = since.Add(ApprovalLifetime).ToUnixTimeSeconds(),
            Strings = Strings(("actionId", actionId), ("pendingSince", Iso(since))),
        }, cancellationToken);

    public async Task<bool> ApproveAsync(string cluster, string actionId, string approvedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var pending = await GetAsync($"approvals#{cluster}", actionId, cancellationToken).ConfigureAwait(false);
        if (pending is null || pending.IsExpired(Now))
        {
            return false;
        }

        var strings = new Dictionary<string, string>(pending.Strings, StringComparer.Ordinal) { ["approvedBy"] = approvedBy, ["approvedAt"] = Iso(at) };
        await PutAsync(pending with { Strings = strings }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<ApprovalRecord>> GetApprovalsAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"approvals#{cluster}", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new ApprovalRecord
        {
            ActionId = r.S("actionId")!, Cluster = cluster, PendingSince = Parse(r.S("pendingSince")), ApprovedBy = r.S("approvedBy"),
            ApprovedAt = r.S("approvedAt") is { } approvedAt ? Parse(approvedAt) : null,
        })];
    }

    public Task SaveActionAsync(PlanAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return PutAsync(new StateItem
        {
            Pk = $"action#{action.Id}",
            Sk = Single,
            Ttl = Now.Add(ActionLifetime).ToUnixTimeSeconds(),
            Strings = Strings(("cluster", action.Target.Cluster), ("status", action.Status), ("savedAt", Iso(Now)), ("action", JsonSerializer.Serialize(action, CompactJson.PlanAction))),
        }, cancellationToken);
    }

    public async Task<PlanAction?> GetActionAsync(string actionId, CancellationToken cancellationToken = default)
    {
        var row = await GetAsync($"action#{actionId}", Single, cancellationToken).ConfigureAwait(false);
        return row is null || row.IsExpired(Now) || row.S("action") is not { } json ? null : JsonSerializer.Deserialize(json, CompactJson.PlanAction);
    }

    public Task SaveMigrationAsync(Core.Migration.MigrationRecord migration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return PutAsync(new StateItem
        {
            Pk = $"migration#{migration.Cluster}",
            Sk = migration.Id,
            Ttl = Core.Migration.MigrationStages.IsFinal(migration.Stage) ? Now.Add(ActionLifetime).ToUnixTimeSeconds() : null,
            Strings = Strings(("stage", migration.Stage), ("savedAt", Iso(Now)), ("migration", JsonSerializer.Serialize(migration, CompactJson.MigrationRecord))),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Core.Migration.MigrationRecord>> GetMigrationsAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"migration#{cluster}", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.S("migration") is { } json ? JsonSerializer.Deserialize(json, CompactJson.MigrationRecord) : null).OfType<Core.Migration.MigrationRecord>().OrderBy(m => m.StartedAt)];
    }

    public Task RecordNodeProbeAsync(NodeProbeRecord probe, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return PutAsync(new StateItem
        {
            Pk = $"probe#{probe.Cluster}",
            Sk = probe.Nodegroup,
            Ttl = expiresAt.ToUnixTimeSeconds(),
            Strings = Strings(("at", Iso(probe.At)), ("probe", JsonSerializer.Serialize(probe, CompactJson.NodeProbeRecord))),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<NodeProbeRecord>> GetNodeProbesAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var rows = await LiveAsync($"probe#{cluster}", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.S("probe") is { } json ? JsonSerializer.Deserialize(json, CompactJson.NodeProbeRecord) : null).OfType<NodeProbeRecord>()];
    }

    public Task SetPauseAsync(PauseState pause, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return PutAsync(new StateItem
        {
            Pk = "pause",
            Sk = Single,
            Ttl = pause.ValidUntil.ToUnixTimeSeconds(),
            Strings = Strings(("paused", pause.Paused ? "true" : "false"), ("source", pause.Source), ("checkedAt", Iso(pause.CheckedAt)), ("validUntil", Iso(pause.ValidUntil))),
        }, cancellationToken);
    }

    public async Task<PauseState?> GetPauseAsync(CancellationToken cancellationToken = default)
    {
        var row = await GetAsync("pause", Single, cancellationToken).ConfigureAwait(false);
        if (row is null || row.IsExpired(Now) || Parse(row.S("validUntil")) <= Now)
        {
            return null;
        }

        return new PauseState { Paused = row.S("paused") == "true", Source = row.S("source"), CheckedAt = Parse(row.S("checkedAt")), ValidUntil = Parse(row.S("validUntil")) };
    }

    private async Task<IEnumerable<StateItem>> LiveAsync(string pk, string? skFrom, CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = await QueryAsync(pk, skFrom, cancellationToken).ConfigureAwait(false);
        return rows.Where(r => !r.IsExpired(now));
    }

    private static string Ms(DateTimeOffset at) => Math.Max(0, at.ToUnixTimeMilliseconds()).ToString("D13", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string? iso) =>
        iso is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static Dictionary<string, string> Strings(params (string Name, string? Value)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (value is not null)
            {
                map[name] = value;
            }
        }

        return map;
    }
}
