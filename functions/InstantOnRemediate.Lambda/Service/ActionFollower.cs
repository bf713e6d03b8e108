using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>
/// Reads where an executed action stands: EKS node-group updates (label, taint, version) through DescribeUpdate,
/// created node groups through DescribeNodegroup, SSM Run Command through ListCommandInvocations (and
/// GetCommandInvocation for the details of a failed instance). Read-only; each method declares its IAM action.
/// AWS failures propagate (the caller records them and reads again next run).
/// </summary>
internal sealed class ActionFollower(IAmazonEks eks, IAmazonSimpleSystemsManagement ssm)
{
    private const int MaxErrorsReported = 5;

    public Task<FollowResult> FollowAsync(InFlightAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Type switch
        {
            _ when string.IsNullOrEmpty(action.Reference) && action.Type != ActionTypes.EksCreateNodegroup =>
                Task.FromResult(new FollowResult(FollowStatuses.NotFollowed, "the action recorded no update or command id to follow")),
            ActionTypes.EksLabelNodegroup or ActionTypes.EksTaintNodegroup or ActionTypes.EksUpdateNodegroupVersion when action.Nodegroup is not null =>
                FollowUpdateAsync(action.Cluster, action.Nodegroup, action.Reference!, cancellationToken),
            ActionTypes.EksCreateNodegroup when (action.Reference ?? action.Nodegroup) is { } created =>
                FollowCreatedNodegroupAsync(action.Cluster, created, cancellationToken),
            ActionTypes.SsmRunCommand => FollowCommandAsync(action.Reference!, cancellationToken),
            _ => Task.FromResult(new FollowResult(FollowStatuses.NotFollowed, $"{action.Type} is not followed by reconcile (see its console)")),
        };
    }

    [IamAction("eks:DescribeUpdate", Resource = "nodegroup")]
    public async Task<FollowResult> FollowUpdateAsync(string cluster, string nodegroup, string updateId, CancellationToken cancellationToken)
    {
        var response = await eks.DescribeUpdateAsync(new DescribeUpdateRequest { Name = cluster, UpdateId = updateId, NodegroupName = nodegroup }, cancellationToken).ConfigureAwait(false);
        var update = response.Update;
        var errors = (update?.Errors ?? []).Take(MaxErrorsReported)
            .Select(e => $"{e.ErrorCode}: {e.ErrorMessage}" + ((e.ResourceIds ?? []).Count > 0 ? $" ({string.Join(", ", e.ResourceIds!)})" : ""))
            .ToList();
        var what = $"EKS {update?.Type ?? "update"} {updateId} of node group {nodegroup}";
        return update?.Status switch
        {
            "Successful" => new FollowResult(FollowStatuses.Successful, what + " succeeded"),
            "InProgress" => new FollowResult(FollowStatuses.InProgress, what + " is in progress"),
            "Failed" => new FollowResult(FollowStatuses.Failed, what + " failed" + (errors.Count > 0 ? ": " + string.Join("; ", errors) : "")) { Errors = errors },
            "Cancelled" => new FollowResult(FollowStatuses.Cancelled, what + " was cancelled") { Errors = errors },
            var other => new FollowResult(FollowStatuses.Unknown, $"{what}: EKS reported status '{other ?? "none"}'"),
        };
    }

    [IamAction("eks:DescribeNodegroup", Resource = "nodegroup")]
    public async Task<FollowResult> FollowCreatedNodegroupAsync(string cluster, string nodegroup, CancellationToken cancellationToken)
    {
        var response = await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = cluster, NodegroupName = nodegroup }, cancellationToken).ConfigureAwait(false);
        var status = response.Nodegroup?.Status;
        var what = $"node group {nodegroup}";
        return status switch
        {
            "ACTIVE" => new FollowResult(FollowStatuses.Successful, what + " is ACTIVE: InstantOn workloads can be moved to it"),
            "CREATING" or "UPDATING" => new FollowResult(FollowStatuses.InProgress, $"{what} is {status}"),
            "CREATE_FAILED" or "DEGRADED" => new FollowResult(FollowStatuses.Failed, $"{what} is {status}: see its health issues in the EKS console") { Errors = [status] },
            "DELETING" or "DELETE_FAILED" => new FollowResult(FollowStatuses.Cancelled, $"{what} is {status} (someone deleted it)"),
            var other => new FollowResult(FollowStatuses.Unknown, $"{what}: EKS reported status '{other ?? "none"}'"),
        };
    }

    /// <summary>Every instance of the command: any still pending → in progress; all Success → successful; otherwise failed.</summary>
    [IamAction("ssm:ListCommandInvocations")]
    public async Task<FollowResult> FollowCommandAsync(string commandId, CancellationToken cancellationToken)
    {
        var invocations = new List<CommandInvocation>();
        string? token = null;
        for (var page = 0; page < 20; page++)
        {
            var response = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { CommandId = commandId, NextToken = token }, cancellationToken).ConfigureAwait(false);
            invocations.AddRange(response.CommandInvocations ?? []);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        var what = $"SSM command {commandId}";
        if (invocations.Count == 0)
        {
            return new FollowResult(FollowStatuses.InProgress, what + " has no instance invocations yet");
        }

        var statuses = invocations.Select(i => i.Status?.Value ?? "Pending").ToList();
        if (statuses.Any(s => s is "Pending" or "InProgress" or "Delayed" or "Cancelling"))
        {
            return new FollowResult(FollowStatuses.InProgress, $"{what}: {Summary(statuses)}");
        }

        if (statuses.All(s => s == "Success"))
        {
            return new FollowResult(FollowStatuses.Successful, $"{what} succeeded on {statuses.Count} instance(s)");
        }

        var errors = new List<string>();
        foreach (var failed in invocations.Where(i => i.Status?.Value != "Success").Take(MaxErrorsReported))
        {
            errors.Add(await InvocationDetailAsync(commandId, failed, cancellationToken).ConfigureAwait(false));
        }

        var status = statuses.All(s => s is "Cancelled" or "Success") ? FollowStatuses.Cancelled : FollowStatuses.Failed;
        return new FollowResult(status, $"{what}: {Summary(statuses)}: {string.Join("; ", errors)}") { Errors = errors };
    }

    [IamAction("ssm:GetCommandInvocation")]
    private async Task<string> InvocationDetailAsync(string commandId, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var response = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = invocation.InstanceId }, cancellationToken).ConfigureAwait(false);
        return $"{invocation.InstanceId} {response.Status?.Value ?? invocation.Status?.Value} ({response.StatusDetails}, exit code {response.ResponseCode})";
    }

    private static string Summary(IEnumerable<string> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
}
