using System.Collections;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Hosting;

[Collection(RuntimeTestCollection.Name)]
public sealed class LambdaBootstrapTests
{
    [Fact]
    public async Task RunAsync_UnknownHandler_PostsNoSuchHandlerInitErrorAndExitsNonZero()
    {
        using var api = FakeRuntimeApi.Start();
        var environment = new Hashtable { ["AWS_LAMBDA_RUNTIME_API"] = api.Address, ["_HANDLER"] = "bootstrap" };

        var exit = await LambdaBootstrap.RunAsync(environment, TimeProvider.System, LogSink.Null, CancellationToken.None)
            .WaitAsync(FakeRuntimeApi.DefaultWait);

        var post = await api.WaitForInitErrorAsync();
        Assert.NotEqual(0, exit);
        Assert.Equal("Runtime.NoSuchHandler", post.Header(RuntimeApiHeaders.FunctionErrorType));
        Assert.Equal(RuntimeApiHeaders.ErrorContentType, post.ContentType);
        Assert.Equal("Runtime.NoSuchHandler", post.Json.GetProperty("errorType").GetString());
        Assert.Contains("detect, runbook, reconcile", post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, api.NextPolls);
    }

    [Fact]
    public async Task RunAsync_InvalidMode_PostsInvalidConfigurationInitError()
    {
        using var api = FakeRuntimeApi.Start();
        var environment = new Hashtable { ["AWS_LAMBDA_RUNTIME_API"] = api.Address, ["_HANDLER"] = "detect", ["MODE"] = "yolo" };

        var exit = await LambdaBootstrap.RunAsync(environment, TimeProvider.System, LogSink.Null, CancellationToken.None)
            .WaitAsync(FakeRuntimeApi.DefaultWait);

        var post = await api.WaitForInitErrorAsync();
        Assert.Equal(1, exit);
        Assert.Equal("Runtime.InvalidConfiguration", post.Json.GetProperty("errorType").GetString());
        Assert.Contains("'yolo'", post.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApiVariable_ExitsWithOneAndSaysWhy()
    {
        using var logs = new MemoryStream();
        var exit = await LambdaBootstrap.RunAsync(new Hashtable { ["_HANDLER"] = "detect" }, TimeProvider.System, new LogSink(logs), CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", System.Text.Encoding.UTF8.GetString(logs.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ValidConfiguration_ServesEventsUntilStopped()
    {
        using var api = FakeRuntimeApi.Start();
        using var stop = new CancellationTokenSource();
        var environment = new Hashtable { ["AWS_LAMBDA_RUNTIME_API"] = api.Address, ["_HANDLER"] = "reconcile", ["MODE"] = "recommend" };
        var loop = LambdaBootstrap.RunAsync(environment, TimeProvider.System, LogSink.Null, stop.Token);
        var id = api.Enqueue(File.ReadAllText(RepoPaths.Event("reconcile", "schedule.json")));

        var post = await api.WaitForResultAsync(id);
        await stop.CancelAsync();

        Assert.Equal("recommend", post.Json.GetProperty("mode").GetString());
        Assert.Equal(0, await loop.WaitAsync(FakeRuntimeApi.DefaultWait));
    }
}
