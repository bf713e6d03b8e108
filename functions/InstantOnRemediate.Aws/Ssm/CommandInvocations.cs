using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Ssm;

/// <summary>
/// Reads where each targeted instance stands in one Run Command command (ListCommandInvocations, every page): what
/// reconcile follows and what an executor reports per instance. Right after SendCommand the list may still be
/// empty or partial (eventual consistency); callers compare it with the instances they targeted.
/// </summary>
public sealed class CommandInvocations(IAmazonSimpleSystemsManagement ssm, int maxPages = 20)
{
    [IamAction("ssm:ListCommandInvocations")]
    public async Task<IReadOnlyList<InstanceCommandOutcome>> ReadAsync(string commandId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandId);
        var outcomes = new List<InstanceCommandOutcome>();
        string? token = null;
        for (var page = 0; page < maxPages; page++)
        {
            var response = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = commandId, NextToken = token, MaxResults = 50 }, cancellationToken).ConfigureAwait(false);
            foreach (var invocation in response.CommandInvocations ?? [])
            {
                if (invocation.InstanceId is { } instanceId)
                {
                    var status = invocation.Status?.Value;
                    outcomes.Add(new InstanceCommandOutcome(instanceId, CommandOutcomes.From(status, invocation.StatusDetails), status, invocation.StatusDetails));
                }
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        return [.. outcomes.DistinctBy(o => o.InstanceId).OrderBy(o => o.InstanceId, StringComparer.Ordinal)];
    }
}
