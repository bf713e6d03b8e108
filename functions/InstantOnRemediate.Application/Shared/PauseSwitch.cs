using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// The pause switch: an SSM parameter (policy pause.parameterName, "true" = paused) read at most once per cache
/// period and cached in the state store; offline, the state store alone (runbook pause/resume set it).
/// </summary>
internal sealed class PauseSwitch(ServiceContext service)
{
    public async Task<PauseState> ReadAsync(CancellationToken cancellationToken)
    {
        var cached = await service.State.GetPauseAsync(cancellationToken).ConfigureAwait(false);
        if (cached is not null || service.Aws is null)
        {
            return cached ?? new PauseState { Paused = false, Source = "state store" };
        }

        var now = service.Clock.GetUtcNow();
        var pause = service.Policy.Account.Pause;
        var state = new PauseState
        {
            Paused = await ReadParameterAsync(pause.ParameterName, cancellationToken).ConfigureAwait(false),
            Source = "ssm:" + pause.ParameterName,
            CheckedAt = now,
            ValidUntil = now.AddSeconds(pause.CacheSeconds),
        };
        await service.State.SetPauseAsync(state, cancellationToken).ConfigureAwait(false);
        return state;
    }

    [IamAction("ssm:GetParameter", Resource = "parameter")]
    private async Task<bool> ReadParameterAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await service.Aws!.Ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false);
            return string.Equals(response.Parameter?.Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }
        catch (ParameterNotFoundException)
        {
            return false;
        }
    }
}
