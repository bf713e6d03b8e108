using System.Text.Json;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Json;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Runbook;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Handlers;

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
            new LogField("request", RunbookCommands.Payload(request)));
        var response = request switch
        {
            DiagnoseRequest r => await new RunbookDiagnose(service).RunAsync(r, cancellationToken).ConfigureAwait(false),
            PlanRequest r => await new RunbookPlan(service).RunAsync(r, cancellationToken).ConfigureAwait(false),
            ApplyRequest r => await new RunbookApply(service).RunAsync(r, cancellationToken).ConfigureAwait(false),
            StatusRequest r => await new RunbookStatus(service).RunAsync(r, cancellationToken).ConfigureAwait(false),
            RollbackRequest r => await new RunbookRollback(service).RunAsync(r, cancellationToken).ConfigureAwait(false),
            PauseRequest r => await new RunbookPauseResume(service).RunAsync(r, paused: true, r.By, r.Reason, cancellationToken).ConfigureAwait(false),
            ResumeRequest r => await new RunbookPauseResume(service).RunAsync(r, paused: false, r.By, r.Reason, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidRequestException($"runbook: {request.Action} has no handler"),
        };
        service.Log.Info("runbook done", new LogField("action", response.Action), new LogField("status", response.Status), new LogField("summary", response.Summary));
        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.RunbookResponse);
    }
}
