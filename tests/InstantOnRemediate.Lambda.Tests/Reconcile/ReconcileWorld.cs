using System.Text.Json;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Lambda.Tests.Handlers;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

/// <summary>
/// A local state directory shared by detect and reconcile runs (the CLI's --state), the shipped demo inventory
/// (prod-eks: ng-al2-general AL2 incompatible, ng-al2023-general AL2023 compatible), and a helper to record an
/// executed action exactly as detect's execution does (audit line, cooldown, in-flight entry).
/// </summary>
internal sealed class ReconcileWorld : IDisposable
{
    public const string Cluster = "prod-eks";
    public const string Al2 = "ng-al2-general";
    public const string Cause = "rseq-ptrace-unsupported";
    public static readonly DateTimeOffset ActionAt = new(2025, 5, 8, 10, 45, 0, TimeSpan.Zero);

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "reconcile-tests-" + Guid.NewGuid().ToString("N"));

    public FileStateStore Store(DateTimeOffset now) => new(StateDirectory, new FixedTimeProvider(now));

    public async Task<JsonElement> ReconcileAsync(DateTimeOffset now, string payload = "{}", string? policy = null)
    {
        var handler = FunctionFactory.Create("reconcile", new FunctionOptions { StateDirectory = StateDirectory, Now = now, Mode = "enforce" }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, new ServiceSettings { Policy = policy });
        var bytes = await handler.HandleAsync(System.Text.Encoding.UTF8.GetBytes(payload), HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    public async Task<JsonElement> DetectAsync(string eventFile, DateTimeOffset now)
    {
        var handler = FunctionFactory.Create("detect", new FunctionOptions { StateDirectory = StateDirectory, Now = now, Mode = "enforce" }, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, new ServiceSettings());
        var bytes = await handler.HandleAsync(File.ReadAllBytes(RepoPaths.Event("detect", eventFile)), HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    /// <summary>Records the failures that led to a label action on ng-al2-general and the action itself, as detect's execution leaves them.</summary>
    public async Task<string> SeedExecutedLabelAsync()
    {
        var store = Store(ActionAt);
        for (var i = 0; i < 3; i++)
        {
            await store.RecordFailureAsync(new FailureObservation
            {
                FindingId = "seed-failure-" + i, Cluster = Cluster, Nodegroup = Al2, Cause = Cause, Pod = "orders-7d9f8b6c5-x2k4" + (char)('q' + i),
                Node = "ip-192-168-12-34.us-west-2.compute.internal", At = ActionAt.AddMinutes(-5 + i),
            }, ActionAt.AddDays(2));
        }

        const string actionId = "9db236fcbe1ed68aad5148615bab2dfe";
        await store.AppendAuditAsync(new AuditRecord
        {
            Cluster = Cluster, At = ActionAt, Who = "instanton-remediate", What = "eks-label-nodegroup executed", ActionId = actionId, ActionType = "eks-label-nodegroup",
            Nodegroup = Al2, Why = "label the incompatible node group", Reference = "0c7a9d1e-5b8f-3a2c-9e4d-7f6b1a0c2d3e",
        });
        await store.SetCooldownAsync(new CooldownRecord { Cluster = Cluster, Nodegroup = Al2, Cause = Cause, Until = ActionAt.AddHours(6), ActionId = actionId });
        await store.PutInFlightAsync(new InFlightAction
        {
            ActionId = actionId, Type = "eks-label-nodegroup", Cluster = Cluster, Nodegroup = Al2, Cause = Cause, Reference = "0c7a9d1e-5b8f-3a2c-9e4d-7f6b1a0c2d3e", StartedAt = ActionAt,
        });
        return actionId;
    }

    public void Dispose()
    {
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
