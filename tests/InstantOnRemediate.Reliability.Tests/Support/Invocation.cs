using System.Text;
using System.Text.Json;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>
/// A function built by the composition root (<see cref="FunctionFactory"/>) and invoked the way the Lambda host
/// invokes it (<see cref="InvocationRunner"/>), with its log lines captured.
/// </summary>
internal sealed class Invocation : IDisposable
{
    private readonly MemoryStream logs = new();
    private readonly string? stateDirectory;

    private Invocation(string handler, FunctionOptions options, ServiceSettings settings, string? stateDirectory)
    {
        this.stateDirectory = stateDirectory;
        var log = new JsonLogger(new LogSink(logs), TimeProvider.System, LogLevel.Debug);
        Handler = FunctionFactory.Create(handler, options, log, Environment.GetEnvironmentVariables(), TimeProvider.System, settings);
    }

    public IFunctionHandler Handler { get; }

    /// <summary>Every log line written so far (JSON lines, EMF included).</summary>
    public string Logs
    {
        get
        {
            lock (logs)
            {
                return Encoding.UTF8.GetString(logs.ToArray());
            }
        }
    }

    /// <summary>detect offline: the embedded demo inventory (or <paramref name="inventoryFile"/>), a fresh file state store, decisions at <see cref="Batches.Now"/>.</summary>
    public static Invocation Detect(string mode = "enforce", string? inventoryFile = null, string? stateDirectory = null)
    {
        var state = stateDirectory ?? Scratch.Directory("reliability-state-");
        return new Invocation("detect", new FunctionOptions { Mode = mode, InventoryFile = inventoryFile, StateDirectory = state, Now = Batches.Now },
            new ServiceSettings(), stateDirectory is null ? state : null);
    }

    /// <summary>Any handler with explicit options and settings (AWS tests).</summary>
    public static Invocation Create(string handler, FunctionOptions options, ServiceSettings settings) => new(handler, options, settings, null);

    public async Task<InvocationResult> RunAsync(byte[] payload, CancellationToken cancellationToken = default)
    {
        var context = new InvocationContext("00000000-0000-4000-8000-000000000001", Batches.Now.AddMinutes(15), "arn:aws:lambda:us-east-1:123456789012:function:instanton-remediate-detect", null, new FakeTimeProvider(Batches.Now));
        return await InvocationRunner.RunAsync(Handler, payload, context, cancellationToken);
    }

    /// <summary>Runs and returns the response document; fails the test with the error when the invocation failed.</summary>
    public async Task<JsonElement> ResponseAsync(byte[] payload)
    {
        var result = await RunAsync(payload);
        Assert.True(result.Succeeded, "invocation failed: " + result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return JsonDocument.Parse(result.Response!).RootElement.Clone();
    }

    public void Dispose()
    {
        logs.Dispose();
        if (stateDirectory is not null && Directory.Exists(stateDirectory))
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }
}
