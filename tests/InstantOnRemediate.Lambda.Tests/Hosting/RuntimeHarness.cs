using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Lambda.Tests.Hosting;

/// <summary>The runtime loop running in-process against a <see cref="FakeRuntimeApi"/>, with captured logs.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 5, 8, 10, 15, 30, TimeSpan.Zero);

    private readonly CancellationTokenSource stop = new();
    private readonly MemoryStream logs = new();
    private readonly RuntimeApiClient client;

    public RuntimeHarness(IFunctionHandler handler)
    {
        Api = FakeRuntimeApi.Start();
        client = new RuntimeApiClient(Api.Address, Time);
        var runtime = new LambdaRuntime(client, handler, Time, new JsonLogger(new LogSink(logs), Time, LogLevel.Debug, handler.Name));
        Loop = Task.Run(() => runtime.RunAsync(stop.Token));
    }

    public FakeRuntimeApi Api { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public Task<int> Loop { get; }

    public IReadOnlyList<System.Text.Json.JsonElement> LogLines()
    {
        lock (logs)
        {
            return System.Text.Encoding.UTF8.GetString(logs.ToArray())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.Clone())
                .ToList();
        }
    }

    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return await Loop.WaitAsync(FakeRuntimeApi.DefaultWait);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Loop.IsCompleted)
        {
            await stop.CancelAsync();
            await Task.WhenAny(Loop, Task.Delay(FakeRuntimeApi.DefaultWait));
        }

        client.Dispose();
        Api.Dispose();
        stop.Dispose();
        logs.Dispose();
    }
}
