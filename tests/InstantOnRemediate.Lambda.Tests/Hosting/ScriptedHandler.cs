using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Lambda.Hosting;

namespace InstantOnRemediate.Lambda.Tests.Hosting;

/// <summary>A handler whose behaviour per event is given by the test; records the contexts it saw.</summary>
internal sealed class ScriptedHandler(Func<ReadOnlyMemory<byte>, InvocationContext, byte[]> behaviour) : IFunctionHandler
{
    private readonly List<(InvocationContext Context, string? TraceEnvironment)> seen = [];

    public string Name => "scripted";

    public IReadOnlyList<(InvocationContext Context, string? TraceEnvironment)> Seen
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
    }

    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        lock (seen)
        {
            seen.Add((context, Environment.GetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable)));
        }

        return Task.FromResult(behaviour(payload, context));
    }
}
