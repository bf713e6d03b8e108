using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Cli.Commands;
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
        var direct = await FunctionFactory.Create("detect", options, JsonLogger.Null, Environment.GetEnvironmentVariables(), TimeProvider.System).HandleAsync(File.ReadAllBytes(envelope), context, CancellationToken.None);

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
    [InlineData("detect", "malformed-no-awslogs.json", "no 'awslogs' member")]
    [InlineData("detect", "malformed-array.json", "the event is a JSON array, not an object")]
    [InlineData("detect", "malformed-decoded-payload.json", "'awslogs.data' must be a string")]
    [InlineData("detect", "malformed-empty-data.json", "'awslogs.data' is empty")]
    [InlineData("runbook", "malformed-unknown-action.json", "'action' must be one of")]
    public async Task Invoke_EventTheHandlerRejects_PrintsLambdaErrorObjectAndExitsTwo(string handler, string file, string expected)
    {
        var path = RepoPaths.Event(handler, file);

        var run = await RunAsync("invoke", handler, path, "--json");

        Assert.Equal(2, run.Exit);
        var error = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("InvalidRequest", error.GetProperty("errorType").GetString());
        Assert.Contains(expected, error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, error.GetProperty("stackTrace").ValueKind);
        var reason = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"instanton-remediate: {handler} rejected event '{path}': ", reason, StringComparison.Ordinal);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DetectWithoutAwslogs_ReasonShowsTheShapeDetectNeeds()
    {
        var run = await RunAsync("invoke", "detect", RepoPaths.Event("detect", "malformed-no-awslogs.json"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("""{"awslogs":{"data":""", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TruncatedJson_RefusedBeforeTheHandlerWithLineAndByte()
    {
        var path = RepoPaths.Event("detect", "malformed-truncated-json.json");

        var run = await RunAsync("invoke", "detect", path, "--json");

        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        var reason = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"instanton-remediate: event '{path}' is not valid JSON at line 1, byte 83: ", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' }, "is not UTF-8 text: invalid byte 0xFF at offset 6")]
    [InlineData(new byte[] { }, "is empty; expected a JSON object")]
    [InlineData(new byte[] { (byte)' ', (byte)'\n' }, "is empty; expected a JSON object")]
    [InlineData(new byte[] { (byte)'{', (byte)'\n', (byte)'"', (byte)'a', (byte)'"', (byte)'\n' }, "is not valid JSON at line 3, byte 1")]
    [InlineData(new byte[] { (byte)'{', (byte)'}', (byte)' ', (byte)'{', (byte)'}' }, "is not valid JSON at line 1, byte 4")]
    public async Task Invoke_EventThatIsNotAJsonEvent_ExitsTwoBeforeTheHandler(byte[] content, string expected)
    {
        var path = Path.Combine(events.Folder, "event.json");
        await File.WriteAllBytesAsync(path, content);

        var run = await RunAsync("invoke", "detect", path, "--json");

        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        var reason = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"instanton-remediate: event '{path}' {expected}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DirectoryAsEvent_ExitsTwoSaysIsADirectory()
    {
        var run = await RunAsync("invoke", "detect", events.Folder);

        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal($"instanton-remediate: cannot read event '{events.Folder}': is a directory", run.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Invoke_EventOverLambdaRequestLimit_ExitsTwo()
    {
        var path = Path.Combine(events.Folder, "huge.json");
        await File.WriteAllBytesAsync(path, new byte[InvocationRunner.MaxResponseBytes + 1]);

        var run = await RunAsync("invoke", "detect", path);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"is {InvocationRunner.MaxResponseBytes + 1} bytes, over Lambda's 6 MB request limit", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_EventWithUtf8ByteOrderMark_IsAccepted()
    {
        var path = Path.Combine(events.Folder, "bom.json");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. await File.ReadAllBytesAsync(events.SubscriptionEnvelope())]);

        var run = await RunAsync("invoke", "detect", path, "--json");

        Assert.Equal(0, run.Exit);
    }

    [Fact]
    public async Task Invoke_EventOnStdin_RunsAndRejectionsNameStdin()
    {
        using var good = new MemoryStream(await File.ReadAllBytesAsync(events.SubscriptionEnvelope()));
        using var bad = new MemoryStream("""{"Records":[]}"""u8.ToArray());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(0, await InvokeCommand.RunAsync(["detect", "-", "--json"], stdout, new StringWriter(), good));
        Assert.Equal(2, await InvokeCommand.RunAsync(["detect", "-", "--json"], new StringWriter(), stderr, bad));

        Assert.Equal("restore-failure", JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("findings")[0].GetProperty("verdict").GetString());
        Assert.StartsWith("instanton-remediate: detect rejected the event on stdin: ", stderr.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ShippedWellFormedSamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var handler in new[] { "detect", "runbook", "reconcile" })
        {
            foreach (var file in Directory.GetFiles(RepoPaths.Event(handler), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (!file!.StartsWith("malformed-", StringComparison.Ordinal) && !file.EndsWith(".decoded.json", StringComparison.Ordinal))
                {
                    data.Add(handler, file);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedWellFormedSamples))]
    public async Task Invoke_ShippedWellFormedSample_ExitsZero(string handler, string file)
    {
        var state = Directory.CreateTempSubdirectory("invoke-state-");
        try
        {
            var run = await RunAsync("invoke", handler, RepoPaths.Event(handler, file), "--mode", "recommend", "--state", state.FullName, "--json");

            Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Stderr}");
        }
        finally
        {
            state.Delete(recursive: true);
        }
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
        Assert.Contains("exit 2  bad usage, or an event that is bad input", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"InvalidRequest\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("exit 1  the handler failed", run.Stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
