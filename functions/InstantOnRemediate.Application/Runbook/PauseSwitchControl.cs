using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>The write side of the pause switch (runbook pause/resume only): the SSM parameter and the state cache.</summary>
internal sealed class PauseSwitchControl(ServiceContext service)
{
    /// <summary>Sets the switch (runbook pause/resume): the parameter when running against AWS, and the cache.</summary>
    public async Task SetAsync(bool paused, string who, CancellationToken cancellationToken)
    {
        var now = service.Clock.GetUtcNow();
        var parameter = service.Policy.Account.Pause.ParameterName;
        if (service.Aws is { } aws)
        {
            await WriteParameterAsync(aws.Ssm, parameter, paused, cancellationToken).ConfigureAwait(false);
        }

        await service.State.SetPauseAsync(new PauseState
        {
            Paused = paused,
            Source = (service.Aws is null ? "state store" : "ssm:" + parameter) + " set by " + who,
            CheckedAt = now,
            ValidUntil = service.Aws is null ? now.AddYears(10) : now.AddSeconds(service.Policy.Account.Pause.CacheSeconds),
        }, cancellationToken).ConfigureAwait(false);
    }

    [IamAction("ssm:PutParameter", Resource = "parameter")]
    private static Task WriteParameterAsync(IAmazonSimpleSystemsManagement ssm, string name, bool paused, CancellationToken cancellationToken) =>
        ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = paused ? "true" : "false", Type = ParameterType.String, Overwrite = true }, cancellationToken);
}
