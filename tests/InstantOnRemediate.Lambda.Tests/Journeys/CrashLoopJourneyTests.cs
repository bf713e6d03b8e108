using System.Text.Json;
using InstantOnRemediate.Lambda.Tests.EndToEnd;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Journeys;

/// <summary>
/// Journeys 1 and 2 of an on-call engineer, driven through the published bootstrap (as Lambda runs it) against
/// moto_server with the stack's default policy: a single-replica InstantOn app crash-loops on an AL2 node group
/// (one failed restore a minute). People are told by the second failure at the latest, once per alert window,
/// with a follow-up carrying the new counts after it; then every command printed in those alerts is copied,
/// its placeholders filled, and sent to the runbook function, which accepts each.
/// </summary>
public sealed class CrashLoopJourneyTests : IClassFixture<MotoServer>
{
    private static readonly string Bootstrap = Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");
    private static readonly DateTimeOffset FirstFailure = new(2025, 5, 8, 10, 40, 0, TimeSpan.Zero);
    private readonly MotoServer moto;

    public CrashLoopJourneyTests(MotoServer moto) => this.moto = moto;

    [Fact]
    public async Task SingleReplicaCrashLoopOnAl2_AlertsOnceByTheSecondFailureWithFollowUps_AndEveryPrintedCommandIsAccepted()
    {
        Assert.True(File.Exists(Bootstrap), $"not built: run 'make publish' ({Bootstrap})");
        await moto.ResetAsync();
        int[] minutes = [0, 1, 2, 3, 4, 5, 32];
        var world = await EksCaseWorld.SeedAsync(moto.Endpoint, minutes);

        // Journey 1: six failed restores of one pod in six minutes, then one more half an hour later.
        var plans = new List<JsonElement>();
        var alertsAfter = new List<int>();
        var alerts = new List<(string Subject, string Message)>();
        for (var i = 0; i < minutes.Length; i++)
        {
            var answer = await InvokeAsync("detect", world, world.Events[i], FirstFailure.AddMinutes(minutes[i] + 1));
            plans.Add(answer.GetProperty("plan"));
            alerts.AddRange(await world.DrainAlertsAsync(moto.Endpoint));
            alertsAfter.Add(alerts.Count);
        }

        Assert.Equal(1, alertsAfter[0]); // the AL2 node group cannot restore InstantOn: the first failure is enough
        Assert.Equal(1, alertsAfter[5]); // not one alert per failure: the rest of the window is rate-limited ...
        Assert.All(plans.Skip(1).Take(5), p => Assert.Contains(Notifies(p), n => n.GetProperty("status").GetString() == "skipped"
            && n.GetProperty("reason").GetString()!.Contains("people were told at", StringComparison.Ordinal)));
        Assert.Equal(2, alertsAfter[6]); // ... and the follow-up after the window carries the counts of then
        var (firstSubject, firstBody) = alerts[0];
        Assert.StartsWith("[InstantOn] restore failed on prod-eks/ng-al2-general", firstSubject, StringComparison.Ordinal);
        Assert.Contains("1 failed restore(s) across 1 pod(s)", firstBody, StringComparison.Ordinal);
        Assert.Contains("pods        shop/orders-7d9f8b6c5-x2k4q", firstBody, StringComparison.Ordinal);
        Assert.Contains("threshold not reached", firstBody, StringComparison.Ordinal); // and says why nothing was changed
        var (followSubject, followBody) = alerts[1];
        Assert.StartsWith("[InstantOn] UPDATE restore failed on prod-eks/ng-al2-general", followSubject, StringComparison.Ordinal);
        Assert.Contains("Follow-up: people were first told at", followBody, StringComparison.Ordinal);
        Assert.Contains("across 1 pod(s)", followBody, StringComparison.Ordinal);

        // Journey 2: every command printed in the alerts, copied and run.
        var payloads = alerts.SelectMany(a => PrintedCommands.Payloads(a.Message)).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains(payloads, p => p.Contains("\"action\":\"pause\"", StringComparison.Ordinal));
        Assert.Contains(payloads, p => p.Contains("\"action\":\"plan\"", StringComparison.Ordinal));
        foreach (var payload in payloads)
        {
            var answer = await InvokeAsync("runbook", world, PrintedCommands.Fill(payload), FirstFailure.AddMinutes(40));
            Assert.True(answer.GetProperty("status").GetString() is "ok", $"{payload} -> {answer}");
        }
    }

    private static IEnumerable<JsonElement> Notifies(JsonElement plan) =>
        plan.GetProperty("actions").EnumerateArray().Where(a => a.GetProperty("type").GetString() == "notify");

    /// <summary>One invocation of the published function, started with the clock at <paramref name="now"/>.</summary>
    private async Task<JsonElement> InvokeAsync(string handler, EksCaseWorld world, string payload, DateTimeOffset now)
    {
        using var runtime = FakeRuntimeApi.Start();
        using var process = ProcessRunner.Start(Bootstrap, [], world.FunctionEnvironment(moto.Endpoint, handler, runtime.Address, "recommend", now));
        var result = await runtime.WaitForResultAsync(runtime.Enqueue(payload), TimeSpan.FromSeconds(60));
        Assert.True(result.Kind == RecordedPost.Response, $"{handler} {payload}: {result.BodyText} {process.StandardError}");
        return result.Json;
    }
}
