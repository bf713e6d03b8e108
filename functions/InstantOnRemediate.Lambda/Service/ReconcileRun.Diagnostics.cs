using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Lambda.Handlers;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>
/// Reconcile, step 1b: a diagnostics run that finished is read. The nodes' own report (kernel, the features CRIU
/// finds) is recorded for the node group and replaces the AMI catalog's inference from then on, in detect, the
/// runbook and the audit; the node group's verdict before and after is reported, and a change goes on the audit trail.
/// </summary>
internal sealed partial class ReconcileRun
{
    private bool IsDiagnostics(InFlightAction action) =>
        action.Type == ActionTypes.SsmRunCommand && action.Document is { } document
        && service.Policy.For(action.Cluster).Ssm.Diagnostics is { } diagnostics && diagnostics.Name == document;

    private async Task<NodeVerdictReport?> ReadDiagnosticsAsync(InFlightAction action, FollowResult result, ClusterInventory? inventory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (follower is null || result.Status != FollowStatuses.Successful || !IsDiagnostics(action)
            || action.Nodegroup is not { } nodegroup || nodegroup == RemediationKey.UnknownNodegroup)
        {
            return null;
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
            return new NodeVerdictReport { Nodegroup = nodegroup, Detail = $"the diagnostics output could not be read ({(problems.Length > 0 ? problems : "no instance answered")}): the verdict stays as inferred" };
        }

        var gathered = inventory?.Nodegroups.FirstOrDefault(g => g.Name == nodegroup);
        var record = new NodeProbeRecord
        {
            Cluster = action.Cluster, Nodegroup = nodegroup, InstanceId = lowest.InstanceId,
            AmiId = gathered?.Instances.FirstOrDefault(i => i.InstanceId == lowest.InstanceId)?.AmiId,
            Kernel = lowest.Diagnostics!.Kernel, Features = lowest.Diagnostics.ProbedFeatures, At = now,
            Source = $"diagnostics action {action.ActionId}", CommandId = lowest.CommandId,
        };
        await service.State.RecordNodeProbeAsync(record, now + ProbedInventorySource.RecordLifetime, cancellationToken).ConfigureAwait(false);

        var report = NodeVerdictReport.From(gathered, record, NodegroupAssessor.Default);
        if (report.Changed)
        {
            await service.State.AppendAuditAsync(new AuditRecord
            {
                Cluster = action.Cluster, At = now, Who = service.Owner, What = "node-group verdict from node diagnostics",
                ActionId = action.ActionId, ActionType = action.Type, Nodegroup = nodegroup, Why = report.Detail, Reference = record.CommandId,
            }, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }
}
