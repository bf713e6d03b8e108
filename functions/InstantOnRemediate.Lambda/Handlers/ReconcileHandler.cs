using System.Globalization;
using System.Text.Json;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Lambda.Json;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>
/// The reconcile function (EventBridge schedule): accepts any JSON object. This build reports the run and
/// says plainly that following updates, verifying fixes and auditing are not wired yet.
/// </summary>
internal sealed class ReconcileHandler(FunctionOptions options, JsonLogger log) : IFunctionHandler
{
    private const string Expected = "a JSON object (an EventBridge scheduled event)";

    public string Name => HandlerNames.Reconcile;

    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        using var document = JsonEvent.ParseObject(payload, HandlerNames.Reconcile, Expected);
        var root = document.RootElement;
        var time = JsonEvent.OptionalString(root, "time");
        DateTimeOffset? scheduled = time is not null
            && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
        var response = new ReconcileResponse
        {
            Mode = options.Mode,
            EventId = JsonEvent.OptionalString(root, "id"),
            ScheduledTime = scheduled,
            Status = RunbookHandler.NotAvailable,
            Reason = "following updates, verifying fixes and auditing node groups are not carried out by this build",
        };
        log.Info("reconcile run", new LogField("scheduledTime", scheduled));
        return Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.ReconcileResponse));
    }
}
