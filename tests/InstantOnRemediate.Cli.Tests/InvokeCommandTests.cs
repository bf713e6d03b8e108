using System.Text;
using System.Text.Json;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

public sealed class InvokeCommandTests : IDisposable
{
    private readonly InvokeTestEvents events = new();

    public void Dispose() => events.Dispose();

    [Fact]
    public async Task Invoke_DetectEnvelope_PrintsResponseAndExitsZero()
    {
        var run = await RunAsync("invoke", "detect", events.SubscriptionEnvelope(), "--json");

        Assert.Equal(0, run.Exit);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("observe", root.GetProperty("plan").GetProperty("mode").GetString());
        Assert.Equal("restore-failure", root.GetProperty("findings")[0].GetProperty("verdict").GetString());
        Assert.DoesNotContain("\"level\":\"error\"", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_JsonOutput_IsExactlyWhatTheLambdaHandlerReturns()
    {
        var envelope = events.SubscriptionEnvelope();
        var now = new DateTimeOffset(2025, 5, 8, 10, 15, 0, TimeSpan.Zero);
        var options = new FunctionOptions { Mode = "recommend", Now = now };
        var context = new InvocationContext("r", now.AddMinutes(1), null, null, TimeProvider.System);
        var direct = await FunctionFactory.Create("detect", options).HandleAsync(File.ReadAllBytes(envelope), context, CancellationToken.None);

        var run = await RunAsync("invoke", "detect", envelope, "--mode", "recommend", "--now", "2025-05-08T10:15:00Z", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(Encoding.UTF8.GetString(direct), run.Stdout.TrimEnd('\n', '\r'));
    }

    [Fact]
    public async Task Invoke_FixedNow_PlanIsMadeAtThatInstant()
    {
        var run = await RunAsync("invoke", "detect", events.SubscriptionEnvelope(), "--now", "2024-12-01T00:00:00+01:00", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(new DateTimeOffset(2024, 11, 30, 23, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            JsonDocument.Parse(run.Stdout).RootElement.GetProperty("plan").GetProperty("createdAt").GetInt64());
    }

    [Theory]
    [InlineData("malformed-no-awslogs.json", "no 'awslogs' member")]
    [InlineData("malformed-truncated-json.json", "not valid JSON")]
    [InlineData("malformed-decoded-payload.json", "'awslogs.data' must be a string")]
    public async Task Invoke_DetectMalformedSample_PrintsLambdaErrorObjectAndExitsOne(string file, string expected)
    {
        var run = await RunAsync("invoke", "detect", RepoPaths.Event("detect", file), "--json");

        Assert.Equal(1, run.Exit);
        var error = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("InvalidRequest", error.GetProperty("errorType").GetString());
        Assert.Contains(expected, error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, error.GetProperty("stackTrace").ValueKind);
        Assert.Contains("detect rejected the event", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("status")]
    [InlineData("rollback")]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task Invoke_RunbookSample_AnswersForThatAction(string action)
    {
        var run = await RunAsync("invoke", "runbook", RepoPaths.Event("runbook", action + ".json"), "--mode", "enforce", "--json");

        Assert.Equal(0, run.Exit);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(action, root.GetProperty("action").GetString());
        Assert.Equal("enforce", root.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Invoke_WithoutJson_PrintsIndentedResponse()
    {
        var run = await RunAsync("invoke", "reconcile", RepoPaths.Event("reconcile", "schedule.json"));

        Assert.Equal(0, run.Exit);
        Assert.Contains("\n  \"mode\": \"observe\"", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Invoke_MissingEventFile_ExitsTwoWithOneLineReason()
    {
        var missing = Path.Combine(events.Folder, "nope.json");

        var run = await RunAsync("invoke", "detect", missing);

        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot read event", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nope.json", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown handler 'Detect'", "invoke", "Detect", "EVENT")]
    [InlineData("mode must be one of", "invoke", "detect", "EVENT", "--mode", "fix-everything")]
    [InlineData("not both", "invoke", "detect", "EVENT", "--aws", "--inventory", "EVENT")]
    [InlineData("does not exist", "invoke", "detect", "EVENT", "--inventory", "/nonexistent/inventory.json")]
    [InlineData("--now must be an ISO-8601 instant", "invoke", "detect", "EVENT", "--now", "yesterday")]
    [InlineData("needs a handler", "invoke", "detect")]
    [InlineData("unknown option '--timeout'", "invoke", "detect", "EVENT", "--timeout", "5")]
    public async Task Invoke_BadUsage_ExitsTwoWithReason(string expected, params string[] args)
    {
        var envelope = events.SubscriptionEnvelope();

        var run = await RunAsync([.. args.Select(a => a == "EVENT" ? envelope : a)]);

        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Invoke_InventoryFile_IsAccepted()
    {
        var inventory = events.Write("inventory.json", """{"cluster":"prod-eks","nodegroups":[]}""");

        var run = await RunAsync("invoke", "detect", events.SubscriptionEnvelope(), "--inventory", inventory, "--json");

        Assert.Equal(0, run.Exit);
    }

    [Fact]
    public async Task Invoke_Help_DocumentsExitCodes()
    {
        var run = await RunAsync("invoke", "--help");

        Assert.Equal(0, run.Exit);
        Assert.Contains("exit 1  the handler rejected the event", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("exit 2  bad usage or unreadable input", run.Stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
