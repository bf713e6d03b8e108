using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Runbook;

/// <summary>
/// detect and runbook sharing one file state store, a fixed clock and a low-threshold policy (one failure acts),
/// over the demo inventory of prod-eks — or, with <c>alOnly</c>, the same inventory without its AL2023 group, so the
/// only way to run InstantOn is a new node group (eks-create-nodegroup, awaiting approval).
/// </summary>
internal sealed class RunbookBench : IDisposable
{
    /// <summary>Acts on one failure; migration off, so the node-kernel case proposes the clone these runbook tests approve and roll back (migrations have their own tests).</summary>
    public const string LowThresholdPolicy = """{"version":1,"thresholds":{"failures":1,"distinctPods":1,"windowMinutes":30},"migration":{"enabled":false}}""";
    public static readonly DateTimeOffset Now = new(2025, 5, 8, 10, 45, 0, TimeSpan.Zero);

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("instanton-runbook-");

    public RunbookBench(bool alOnly = true, string mode = "enforce", IReadOnlyList<string>? clusters = null)
    {
        var inventory = RepoPaths.Event("inventory", "prod-eks.json");
        if (alOnly)
        {
            var document = JsonNode.Parse(File.ReadAllText(inventory))!.AsObject();
            var groups = document["nodegroups"]!.AsArray();
            foreach (var group in groups.Where(g => (string?)g!["amiType"] != "AL2_x86_64").ToList())
            {
                groups.Remove(group);
            }

            inventory = Path.Combine(directory.FullName, "prod-eks-al2-only.json");
            File.WriteAllText(inventory, document.ToJsonString());
        }

        Options = new FunctionOptions { Mode = mode, StateDirectory = Path.Combine(directory.FullName, "state"), InventoryFile = inventory, Now = Now };
        Settings = new ServiceSettings { Policy = LowThresholdPolicy, Clusters = clusters ?? [] };
    }

    public FunctionOptions Options { get; }

    public ServiceSettings Settings { get; }

    public string StateDirectory => Options.StateDirectory!;

    public async Task<JsonElement> DetectAsync(string eventFile = "eks-rseq-al2.json")
    {
        var handler = FunctionFactory.Create(HandlerNames.Detect, Options, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, Settings);
        var bytes = await handler.HandleAsync(File.ReadAllBytes(RepoPaths.Event("detect", eventFile)), Handlers.HandlerTestContext.Create(), CancellationToken.None);
        return JsonDocument.Parse(bytes).RootElement;
    }

    public Task<JsonElement> RunbookAsync(string json, FunctionOptions? options = null, ServiceSettings? settings = null) =>
        RunbookAsync(SubscriptionEnvelopes.Utf8(json), options, settings);

    /// <summary>Invokes the runbook (with other options or settings over the same state when given) and checks the response's common shape.</summary>
    public async Task<JsonElement> RunbookAsync(byte[] payload, FunctionOptions? options = null, ServiceSettings? settings = null)
    {
        var handler = FunctionFactory.Create(HandlerNames.Runbook, options ?? Options, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System, settings ?? Settings);
        var bytes = await handler.HandleAsync(payload, Handlers.HandlerTestContext.Create(), CancellationToken.None);
        var root = JsonDocument.Parse(bytes).RootElement;
        Assert.Contains(root.GetProperty("status").GetString(), RunbookStatuses.All);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("summary").GetString()));
        return root;
    }

    /// <summary>The awaiting-approval eks-create-nodegroup action a detect run planned.</summary>
    public static JsonElement AwaitingCreate(JsonElement detect) =>
        detect.GetProperty("plan").GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("type").GetString() == "eks-create-nodegroup" && a.GetProperty("status").GetString() == "awaiting-approval");

    public void Dispose() => directory.Delete(recursive: true);
}
