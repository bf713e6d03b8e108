using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Aws.Ssm;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>
/// Reads where an executed action stands: EKS node-group updates (label, taint, version) through DescribeUpdate,
/// created node groups through DescribeNodegroup, SSM Run Command through ListCommandInvocations per instance (and
/// GetCommandInvocation for the details of a failed instance). Read-only; each method declares its IAM action.
/// AWS failures propagate (the caller records them and reads again next run).
/// </summary>
internal sealed class ActionFollower(IAmazonEks eks, IAmazonSimpleSystemsManagement ssm)
{
    private readonly CommandInvocations invocations = new(ssm);

    private const int MaxErrorsReported = 5;

    /// <summary>Diagnostics outputs read per action.</summary>
    public const int MaxReadings = 5;

    public Task<FollowResult> FollowAsync(InFlightAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var follow = ActionKinds.Find(action.Type)?.Follow ?? FollowKind.None;
        return follow switch
        {
            FollowKind.EksCreatedNodegroup when (action.Reference ?? action.Nodegroup) is { } created => FollowCreatedNodegroupAsync(action.Cluster, created, cancellationToken),
            _ when string.IsNullOrEmpty(action.Reference) =>
                Task.FromResult(new FollowResult(FollowStatuses.NotFollowed, "the action recorded no update or command id to follow")),
            FollowKind.EksUpdate when action.Nodegroup is not null => FollowUpdateAsync(action.Cluster, action.Nodegroup, action.Reference!, cancellationToken),
            FollowKind.SsmCommand => FollowCommandsAsync(action.Reference!, cancellationToken),
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

    /// <summary>
    /// Every instance of every command the action sent (a reference lists the command ids of its batches, comma
    /// separated): any instance still pending → in progress; all succeeded → successful; otherwise failed, with each
    /// failed instance's details. The result names every instance's outcome.
    /// </summary>
    public async Task<FollowResult> FollowCommandsAsync(string reference, CancellationToken cancellationToken)
    {
        var outcomes = new List<(string CommandId, InstanceCommandOutcome Outcome)>();
        var commands = reference.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var commandId in commands)
        {
            outcomes.AddRange((await invocations.ReadAsync(commandId, cancellationToken).ConfigureAwait(false)).Select(o => (commandId, o)));
        }

        var what = $"SSM command {string.Join(", ", commands)}";
        if (outcomes.Count == 0)
        {
            return new FollowResult(FollowStatuses.InProgress, what + " has no instance invocations yet");
        }

        var instances = string.Join(", ", outcomes.Select(o => $"{o.Outcome.InstanceId} {o.Outcome.Outcome}"));
        if (outcomes.Any(o => !o.Outcome.IsFinal))
        {
            return new FollowResult(FollowStatuses.InProgress, $"{what}: {instances}");
        }

        if (outcomes.All(o => o.Outcome.Outcome == CommandOutcomes.Succeeded))
        {
            return new FollowResult(FollowStatuses.Successful, $"{what} succeeded on {outcomes.Count} instance(s): {instances}")
            {
                Succeeded = [.. outcomes.Select(o => new CommandInstance(o.CommandId, o.Outcome.InstanceId))],
            };
        }

        var errors = new List<string>();
        foreach (var (commandId, failed) in outcomes.Where(o => o.Outcome.Outcome != CommandOutcomes.Succeeded).Take(MaxErrorsReported))
        {
            errors.Add(await InvocationDetailAsync(commandId, failed, cancellationToken).ConfigureAwait(false));
        }

        var status = outcomes.All(o => o.Outcome.Outcome is CommandOutcomes.Cancelled or CommandOutcomes.Succeeded) ? FollowStatuses.Cancelled : FollowStatuses.Failed;
        return new FollowResult(status, $"{what}: {instances}: {string.Join("; ", errors)}") { Errors = errors };
    }

    /// <summary>
    /// The diagnostics document's report from the first <see cref="MaxReadings"/> instances it succeeded on (a node group
    /// shares its AMI and kernel; a few answers settle it without reading a thousand outputs). An output that is not the
    /// document's JSON is a reading with the problem, never an exception.
    /// </summary>
    [IamAction("ssm:GetCommandInvocation")]
    public async Task<IReadOnlyList<NodeReading>> ReadDiagnosticsAsync(IReadOnlyList<CommandInstance> succeeded, KernelFeatureMatrix matrix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(succeeded);
        var readings = new List<NodeReading>();
        foreach (var (commandId, instanceId) in succeeded.Take(MaxReadings))
        {
            var response = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId }, cancellationToken).ConfigureAwait(false);
            var reading = NodeDiagnosticsReader.Read(response.StandardOutputContent, matrix);
            readings.Add(new NodeReading(instanceId, commandId, reading.Diagnostics, reading.Problem));
        }

        return readings;
    }

    [IamAction("ssm:GetCommandInvocation")]
    private async Task<string> InvocationDetailAsync(string commandId, InstanceCommandOutcome outcome, CancellationToken cancellationToken)
    {
        var response = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = outcome.InstanceId }, cancellationToken).ConfigureAwait(false);
        return $"{outcome.InstanceId} {response.Status?.Value ?? outcome.Status} ({response.StatusDetails ?? outcome.StatusDetails}, exit code {response.ResponseCode})";
    }

}
