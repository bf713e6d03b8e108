using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>Reconcile, step 4: what the compatibility audit needs beside the inventory (what follows is <see cref="ReconcileDecider.Audit"/>).</summary>
internal sealed partial class ReconcileRun
{
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
