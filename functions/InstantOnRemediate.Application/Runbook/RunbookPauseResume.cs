using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>pause / resume: sets the pause switch (SSM parameter when running against AWS, and the state cache), audited.</summary>
internal sealed class RunbookPauseResume(ServiceContext service)
{
    /// <summary>Audit partition of account-wide operations (the pause switch is not per cluster).</summary>
    public const string AccountScope = "-";

    public async Task<RunbookResponse> RunAsync(RunbookRequest request, bool paused, string person, string reason, CancellationToken cancellationToken)
    {
        var pauseSwitch = new PauseSwitch(service);
        var before = await pauseSwitch.ReadAsync(cancellationToken).ConfigureAwait(false);
        await new PauseSwitchControl(service).SetAsync(paused, person, cancellationToken).ConfigureAwait(false);
        await service.State.AppendAuditAsync(new AuditRecord
        {
            Cluster = AccountScope, At = service.Clock.GetUtcNow(), Who = person, What = paused ? "paused" : "resumed", Why = reason,
            Reference = service.Aws is null ? "state store" : "ssm:" + service.Policy.Account.Pause.ParameterName,
        }, cancellationToken).ConfigureAwait(false);
        var after = await pauseSwitch.ReadAsync(cancellationToken).ConfigureAwait(false);
        var was = before.Paused == paused ? $" (it already was {(paused ? "paused" : "running")})" : "";
        var summary = paused
            ? $"Paused by {person}{was}: detection and alerts go on, no action is carried out until someone resumes."
            : $"Resumed by {person}{was}: actions are carried out again as the policy and mode allow.";
        return RunbookReplies.Reply(service, request, RunbookStatuses.Ok, summary) with { Pause = after };
    }
}
