using System.Globalization;
using System.Text.Json;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Json;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Reconcile;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>
/// The reconcile function (EventBridge schedule; also <c>{}</c> from a manual invoke): follows in-flight actions,
/// verifies fixes from later restore outcomes, escalates overdue approvals and audits every node group
/// (<see cref="ReconcileRun"/>). Anything but a JSON object is an invalid request.
/// </summary>
internal sealed class ReconcileHandler(ServiceContext service) : IFunctionHandler
{
    private const string Expected = "a JSON object (an EventBridge scheduled event, or {})";

    public string Name => HandlerNames.Reconcile;

    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        string? eventId;
        DateTimeOffset? scheduled;
        using (var document = JsonEvent.ParseObject(payload, HandlerNames.Reconcile, Expected))
        {
            var root = document.RootElement;
            eventId = JsonEvent.OptionalString(root, "id");
            var time = JsonEvent.OptionalString(root, "time");
            scheduled = time is not null && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : null;
        }

        var response = await new ReconcileRun(service).RunAsync(eventId, scheduled, cancellationToken).ConfigureAwait(false);
        service.Log.Info("reconcile run",
            new LogField("scheduledTime", scheduled),
            new LogField("followed", response.Followed.Count),
            new LogField("verified", response.Verified.Count(v => v.Status == VerificationStatuses.Verified)),
            new LogField("escalated", response.Escalated.Count),
            new LogField("alerts", response.Alerts.Count));
        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.ReconcileResponse);
    }
}
