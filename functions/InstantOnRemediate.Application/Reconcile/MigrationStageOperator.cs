using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Migration;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// Reconcile's hands on a migration between its approved ends: reads both node groups (DescribeNodegroup, their
/// running instances by the Auto Scaling group tag EKS puts on them, the pending update) and carries out the fence
/// and the drain steps (UpdateNodegroupConfig taints/labels and scalingConfig). AWS failures propagate.
/// </summary>
internal sealed class MigrationStageOperator(IAmazonEks eks, IAmazonEc2 ec2)
{
    private const string AutoScalingGroupTag = "aws:autoscaling:groupName";
    private const string NodegroupTag = "eks:nodegroup-name";

    /// <summary>Both groups and the pending update; DescribeUpdate errors (an emulator without it) leave the status unknown.</summary>
    public async Task<(ObservedNodegroup? Source, ObservedNodegroup? Target, string? UpdateStatus)> ObserveAsync(MigrationRecord record, CancellationToken cancellationToken)
    {
        var source = await NodegroupAsync(record, record.Source, cancellationToken).ConfigureAwait(false);
        var target = await NodegroupAsync(record, record.Target, cancellationToken).ConfigureAwait(false);
        string? update = null;
        if (record.PendingUpdateId is { } id)
        {
            try
            {
                update = await UpdateStatusAsync(record.Cluster, record.Stage == MigrationStages.WaitTarget ? record.Target : record.Source, id, cancellationToken).ConfigureAwait(false);
            }
            catch (EksServiceException)
            {
                update = null; // not readable: the stage machine judges from the node group itself
            }
        }

        return (source, target, update);
    }

    [IamAction("eks:DescribeUpdate", Resource = "nodegroup")]
    private async Task<string?> UpdateStatusAsync(string cluster, string nodegroup, string updateId, CancellationToken cancellationToken) =>
        (await eks.DescribeUpdateAsync(new DescribeUpdateRequest { Name = cluster, UpdateId = updateId, NodegroupName = nodegroup }, cancellationToken).ConfigureAwait(false)).Update?.Status;

    [IamAction("eks:DescribeNodegroup", Resource = "nodegroup")]
    [IamAction("ec2:DescribeInstances")]
    private async Task<ObservedNodegroup?> NodegroupAsync(MigrationRecord record, string name, CancellationToken cancellationToken)
    {
        Nodegroup? group;
        try
        {
            group = (await eks.DescribeNodegroupAsync(new DescribeNodegroupRequest { ClusterName = record.Cluster, NodegroupName = name }, cancellationToken).ConfigureAwait(false)).Nodegroup;
        }
        catch (EksServiceException e) when (e.Kind == EksErrorKind.NotFound)
        {
            return null;
        }

        if (group is null)
        {
            return null;
        }

        var asgs = group.Resources?.AutoScalingGroups.Select(a => a.Name).OfType<string>().ToList() ?? [];
        var filter = asgs.Count > 0 ? new Ec2Filter("tag:" + AutoScalingGroupTag, asgs) : new Ec2Filter("tag:" + NodegroupTag, [name]);
        var running = 0;
        string? token = null;
        for (var page = 0; page < 20; page++)
        {
            var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [filter, new Ec2Filter("instance-state-name", ["pending", "running"])], NextToken = token,
            }, cancellationToken).ConfigureAwait(false);
            running += response.Instances.Count;
            token = response.NextToken;
            if (token is null)
            {
                break;
            }
        }

        return new ObservedNodegroup
        {
            Name = name, Status = group.Status, MinSize = group.ScalingConfig?.MinSize ?? 0, MaxSize = group.ScalingConfig?.MaxSize ?? 0,
            DesiredSize = group.ScalingConfig?.DesiredSize ?? 0, RunningInstances = running,
            Fenced = record.FenceMode == "label"
                ? group.Labels.TryGetValue(record.FenceKey, out var value) && value == record.FenceValue
                : group.Taints.Any(t => t.Key == record.FenceKey && t.Effect == record.FenceEffect),
        };
    }

    /// <summary>Puts the fence on the old group; returns the EKS update id.</summary>
    [IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
    public async Task<string?> FenceAsync(MigrationRecord record, CancellationToken cancellationToken)
    {
        var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
        {
            ClusterName = record.Cluster,
            NodegroupName = record.Source,
            Taints = record.FenceMode == "label" ? null : new UpdateTaintsPayload { AddOrUpdateTaints = [new Taint { Key = record.FenceKey, Value = record.FenceValue, Effect = record.FenceEffect }] },
            Labels = record.FenceMode == "label" ? new UpdateLabelsPayload { AddOrUpdateLabels = new() { [record.FenceKey] = record.FenceValue } } : null,
            ClientRequestToken = ActionIds.ToClientRequestToken(record.Id + ":fence"),
        }, cancellationToken).ConfigureAwait(false);
        return response.Update?.Id;
    }

    /// <summary>One drain step: the old group's desired (and, below it, minimum) size; returns the EKS update id.</summary>
    [IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
    public async Task<string?> ScaleAsync(MigrationRecord record, int desired, int min, CancellationToken cancellationToken)
    {
        var response = await eks.UpdateNodegroupConfigAsync(new UpdateNodegroupConfigRequest
        {
            ClusterName = record.Cluster,
            NodegroupName = record.Source,
            ScalingConfig = new NodegroupScalingConfig { MinSize = min, DesiredSize = desired },
            ClientRequestToken = ActionIds.ToClientRequestToken(record.Id + ":drain:" + desired.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }, cancellationToken).ConfigureAwait(false);
        return response.Update?.Id;
    }
}
