using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>Reconcile, step 4: the InstantOn compatibility audit of every node group, one alert per incompatible group per cooldown.</summary>
internal sealed partial class ReconcileRun
{
    private async Task AuditAsync(string cluster, CompatibilityAuditReport report, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        service.Metrics.Emit(
            [new MetricDimension("Cluster", cluster)],
            [new MetricDatum("CompatibleNodegroups", report.Summary.Compatible), new MetricDatum("IncompatibleNodegroups", report.Summary.Incompatible)]);
        var compatible = report.Nodegroups.Where(n => n.Compatible == true).Select(n => n.Nodegroup).ToList();
        var workloads = await WorkloadsAsync(cluster, sightings, now, cancellationToken).ConfigureAwait(false);
        var cooldown = service.Policy.For(cluster).Cooldowns.AfterActionMinutes;
        var incompatible = new List<IncompatibleNodegroupReport>();
        foreach (var group in report.Nodegroups.Where(n => n.Status == CompatibilityStatuses.Incompatible))
        {
            var alerted = await DeliverAsync(ReconcileAlerts.Incompatible(group, workloads, compatible),
                ClaimId("incompatible", cluster, group.Nodegroup, null, $"{group.AmiType}/{group.ReleaseVersion}"), cluster, group.Nodegroup, null,
                now.AddMinutes(Math.Max(1, cooldown)), cancellationToken).ConfigureAwait(false);
            incompatible.Add(new IncompatibleNodegroupReport
            {
                Nodegroup = group.Nodegroup, Reason = group.Reason, Missing = [.. group.Missing.Select(m => m.Id)], TargetAmiType = group.TargetAmiType,
                CompatibleNodegroups = compatible, Workloads = workloads, Alerted = alerted,
            });
        }

        audit.Add(new ClusterAuditReport
        {
            Cluster = cluster, Compatible = report.Summary.Compatible, Incompatible = report.Summary.Incompatible, Unknown = report.Summary.Unknown,
            IncompatibleNodegroups = incompatible,
        });
    }

    /// <summary>InstantOn workloads (namespace/name) seen in the cluster: restores in the logs read this run and failures detect recorded.</summary>
    private async Task<List<string>> WorkloadsAsync(string cluster, List<RestoreSighting> sightings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = await service.State.GetRecentFailuresAsync(cluster, now - AffectedWindow, cancellationToken).ConfigureAwait(false);
        return sightings.Where(s => s.Pod is not null).Select(s => (Namespace: s.Namespace, Pod: s.Pod))
            .Concat(failures.Select(f => (Namespace: (string?)null, Pod: f.Pod)))
            .Select(p => WorkloadNames.Of(p.Pod) is { } w ? (p.Namespace is null ? w : p.Namespace + "/" + w) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
