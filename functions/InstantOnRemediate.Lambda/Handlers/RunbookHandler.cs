using System.Text.Json;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Lambda.Json;
using InstantOnRemediate.Lambda.Logging;
using InstantOnRemediate.Lambda.Service;

namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>
/// The runbook function (direct invoke by the on-call): <c>{"action": "diagnose|plan|apply|status|rollback|pause|resume", ...}</c>.
/// The request is validated whole before anything runs (<see cref="RunbookRequestReader"/>); the answer is a
/// <see cref="RunbookResponse"/> whose status is ok, rejected, not-found or failed, with one sentence for a person.
/// </summary>
internal sealed class RunbookHandler(ServiceContext service) : IFunctionHandler
{
    public string Name => HandlerNames.Runbook;

    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = RunbookRequestReader.Read(payload);
        service.Log.Info("runbook request",
            new LogField("action", request.Action),
            new LogField("cluster", request.Cluster),
            new LogField("actionId", request.ActionId),
            new LogField("by", request.Person));
        var response = request.Action switch
        {
            RunbookActions.Diagnose => await new RunbookDiagnose(service).RunAsync(request, cancellationToken).ConfigureAwait(false),
            RunbookActions.Plan => await new RunbookPlan(service).RunAsync(request, cancellationToken).ConfigureAwait(false),
            RunbookActions.Apply => await new RunbookApply(service).RunAsync(request, cancellationToken).ConfigureAwait(false),
            RunbookActions.Status => await new RunbookStatus(service).RunAsync(request, cancellationToken).ConfigureAwait(false),
            RunbookActions.Rollback => await new RunbookRollback(service).RunAsync(request, cancellationToken).ConfigureAwait(false),
            _ => await new RunbookPauseResume(service).RunAsync(request, cancellationToken).ConfigureAwait(false),
        };
        service.Log.Info("runbook done", new LogField("action", response.Action), new LogField("status", response.Status), new LogField("summary", response.Summary));
        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.RunbookResponse);
    }
}
