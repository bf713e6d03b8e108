using System.Diagnostics;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Publishing;

/// <summary>The published native <c>bootstrap</c> as a real process against the loopback Runtime API.</summary>
public sealed class PublishedBootstrapTests
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

    [PublishedBootstrapFact]
    public async Task Bootstrap_ValidMalformedValid_RespondsErrorsAndKeepsServing()
    {
        using var api = FakeRuntimeApi.Start();
        using var process = StartBootstrap(api, "detect");

        var first = api.Enqueue(SubscriptionEnvelopes.RestoreFailure());
        var malformed = api.Enqueue(File.ReadAllText(RepoPaths.Event("detect", "malformed-no-awslogs.json")));
        var third = api.Enqueue(SubscriptionEnvelopes.Create("[ERROR   ] CWWKE0964E: Restoring the checkpoint server process failed."));

        var response = await api.WaitForResultAsync(first);
        var error = await api.WaitForResultAsync(malformed);
        var last = await api.WaitForResultAsync(third);

        Assert.Equal(RecordedPost.Response, response.Kind);
        Assert.Equal("observe", response.Json.GetProperty("plan").GetProperty("mode").GetString());
        Assert.Equal(RecordedPost.Error, error.Kind);
        Assert.Equal("InvalidRequest", error.Header(RuntimeApiHeaders.FunctionErrorType));
        Assert.Equal(RuntimeApiHeaders.ErrorContentType, error.ContentType);
        Assert.Contains("'awslogs'", error.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(RecordedPost.Response, last.Kind);
        Assert.False(process.HasExited, "bootstrap stopped serving: " + process.StandardError);
    }

    [PublishedBootstrapFact]
    public async Task Bootstrap_Invocation_WritesJsonLogLinesWithRequestId()
    {
        using var api = FakeRuntimeApi.Start();
        using var process = StartBootstrap(api, "runbook");

        var id = api.Enqueue(File.ReadAllText(RepoPaths.Event("runbook", "status.json")));
        var post = await api.WaitForResultAsync(id);
        await api.WaitForNextPollsAsync(2);

        Assert.Equal("status", post.Json.GetProperty("action").GetString());
        var output = await process.StopAndReadOutputAsync(ExitWait);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Contains(lines, l => l.GetProperty("message").GetString() == "invocation succeeded" && l.GetProperty("requestId").GetString() == id);
        Assert.All(lines, l => Assert.Equal("runbook", l.GetProperty("handler").GetString()));
    }

    [PublishedBootstrapFact]
    public async Task Bootstrap_UnknownHandler_PostsInitErrorAndExitsNonZero()
    {
        using var api = FakeRuntimeApi.Start();
        using var process = StartBootstrap(api, "Detect");

        var post = await api.WaitForInitErrorAsync();
        var exit = await process.WaitForExitAsync(ExitWait);

        Assert.NotEqual(0, exit);
        Assert.Equal("Runtime.NoSuchHandler", post.Header(RuntimeApiHeaders.FunctionErrorType));
        Assert.Contains("'Detect'", post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [PublishedBootstrapFact]
    public async Task Bootstrap_RuntimeApiFailsOnNext_ExitsNonZero()
    {
        using var api = FakeRuntimeApi.Start();
        api.NextStatus = 500;
        using var process = StartBootstrap(api, "reconcile");

        Assert.Equal(1, await process.WaitForExitAsync(ExitWait));
        Assert.Contains("runtime API failed", process.StandardOutput, StringComparison.Ordinal);
    }

    [PublishedBootstrapFact]
    public void CheckGlibc_PublishedBinary_NeedsAtMostGlibc234()
    {
        var start = new ProcessStartInfo("python3", [Path.Combine(RepoPaths.Root, "scripts", "check-glibc.py"), PublishedBootstrapFactAttribute.BootstrapPath, "2.34"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "check-glibc.py did not finish");

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("glibc check: newest symbol version GLIBC_2.", output, StringComparison.Ordinal);
    }

    private static ProcessRunner StartBootstrap(FakeRuntimeApi api, string handler)
    {
        var environment = TestEnvironment.ChildEnvironment();
        environment["_HANDLER"] = handler;
        environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        environment["LAMBDA_TASK_ROOT"] = Path.GetDirectoryName(PublishedBootstrapFactAttribute.BootstrapPath)!;
        environment["USE_AWS"] = "false";
        return ProcessRunner.Start(PublishedBootstrapFactAttribute.BootstrapPath, [], environment);
    }
}
