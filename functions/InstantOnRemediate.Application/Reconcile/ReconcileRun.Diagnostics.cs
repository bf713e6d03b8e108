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
        var lowest = KernelVersion.LowestOf(readings, r => r.Diagnostics?.Kernel);
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
        return (record, VerdictOf(gathered, record, NodegroupAssessor.Default));
    }

    /// <summary>The node group's verdict as gathered (inferred) and with the node's report applied.</summary>
    private static NodeVerdictReport VerdictOf(NodegroupInventory? gathered, NodeProbeRecord record, NodegroupAssessor assessor)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(assessor);
        var unprobed = gathered is null ? null : gathered with { Instances = [.. gathered.Instances.Select(i => i with { Kernel = null, KernelFeatures = null })] };
        var before = unprobed is null ? null : gathered!.KernelSource == KernelSources.SsmProbe ? gathered : assessor.Assess(unprobed);
        var after = unprobed is null ? null : RecordedProbes.Apply(unprobed, record, assessor);
        bool? compatible = after?.Compatible;
        var changed = before is not null && (before.Compatible != compatible || before.Kernel != after!.Kernel);
        static string Says(bool? c) => c switch { true => "can restore InstantOn", false => "cannot restore InstantOn", null => "verdict unknown" };
        var missing = after?.Missing ?? [];
        var detail = after is null
            ? $"{record.InstanceId} reports kernel {record.Kernel}; node group {record.Nodegroup} is not in the inventory, so no verdict was assessed"
            : $"node group {record.Nodegroup} {Says(compatible)}: {record.InstanceId} reports kernel {record.Kernel}"
                + (missing.Count > 0 ? $" without {string.Join(", ", missing)}" : "")
                + (changed ? $" (was {Says(before!.Compatible)} from {before.KernelSource}, kernel {before.Kernel ?? "?"})" : $" (as inferred from {before!.KernelSource})");
        return new NodeVerdictReport
        {
            Nodegroup = record.Nodegroup, InstanceId = record.InstanceId, Kernel = record.Kernel, Compatible = compatible, Missing = missing,
            KernelSource = after?.KernelSource, CompatibleBefore = before?.Compatible, KernelBefore = before?.Kernel, KernelSourceBefore = before?.KernelSource,
            Changed = changed, Detail = detail,
        };
    }
}
