using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// Reconcile, step 1b: a diagnostics run that finished is read: the nodes' own report (kernel, the features CRIU
/// finds) and the node group's verdict before and after. <see cref="ReconcileDecider.Follow"/> records it for the node
/// group (it replaces the AMI catalog's inference from then on, in detect, the runbook and the audit) and puts a
/// change on the audit trail.
/// </summary>
internal sealed partial class ReconcileRun
{
    private bool IsDiagnostics(InFlightAction action) =>
        action.Type == ActionTypes.SsmRunCommand && action.Document is { } document
        && service.Policy.For(action.Cluster).Ssm.Diagnostics is { } diagnostics && diagnostics.Name == document;

    private async Task<(NodeProbeRecord? Probe, NodeVerdictReport? Verdict)> ReadDiagnosticsAsync(InFlightAction action, FollowResult result, ClusterInventory? inventory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (follower is null || result.Status != FollowStatuses.Successful || !IsDiagnostics(action)
            || action.Nodegroup is not { } nodegroup || nodegroup == RemediationKey.UnknownNodegroup)
        {
            return (null, null);
        }

        var readings = await follower.ReadDiagnosticsAsync(result.Succeeded, NodegroupAssessor.Default.Matrix, cancellationToken).ConfigureAwait(false);
        var lowest = readings
            .Where(r => r.Diagnostics is not null)
            .Select(r => (Reading: r, Version: KernelVersion.TryParse(r.Diagnostics!.Kernel, out var v) ? v : null))
            .Where(r => r.Version is not null)
            .OrderBy(r => r.Version)
            .Select(r => r.Reading)
            .FirstOrDefault();
        if (lowest is null)
        {
            var problems = string.Join("; ", readings.Select(r => $"{r.InstanceId}: {r.Problem ?? "no kernel"}"));
            return (null, new NodeVerdictReport { Nodegroup = nodegroup, Detail = $"the diagnostics output could not be read ({(problems.Length > 0 ? problems : "no instance answered")}): the verdict stays as inferred" });
        }

        var gathered = inventory?.Nodegroups.FirstOrDefault(g => g.Name == nodegroup);
        var record = new NodeProbeRecord
        {
            Cluster = action.Cluster, Nodegroup = nodegroup, InstanceId = lowest.InstanceId,
            AmiId = gathered?.Instances.FirstOrDefault(i => i.InstanceId == lowest.InstanceId)?.AmiId,
            Kernel = lowest.Diagnostics!.Kernel, Features = lowest.Diagnostics.ProbedFeatures, At = now,
            Source = $"diagnostics action {action.ActionId}", CommandId = lowest.CommandId,
        };
        return (record, NodeVerdictReport.From(gathered, record, NodegroupAssessor.Default));
    }
}
