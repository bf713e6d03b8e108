using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// The inventory as the nodes reported it: what <paramref name="inner"/> gathered, with each node group's recorded
/// node probe (<see cref="RecordedProbes"/>) in place of the AMI catalog's inference. When <paramref name="recordProbes"/>
/// is set (the runbook's diagnose, which probes a node per group), the kernels probed in this gathering are recorded
/// for detect and reconcile. One state read per cluster and gathering; a state error leaves the inventory as gathered
/// (logged), never fails the caller.
/// </summary>
internal sealed class ProbedInventorySource(IInventorySource inner, Func<IStateStore> state, NodegroupAssessor assessor, TimeProvider clock, JsonLogger log, bool recordProbes) : IInventorySource
{
    /// <summary>How long a recorded probe stands for its node group (while the group stays on the probed AMI).</summary>
    public static readonly TimeSpan RecordLifetime = TimeSpan.FromDays(30);

    /// <summary>Where the inventory is gathered (AWS, or a snapshot offline).</summary>
    public IInventorySource Gathering => inner;

    public async Task<ClusterInventory?> ForNodesAsync(string cluster, IReadOnlyCollection<string> nodes, CancellationToken cancellationToken) =>
        await ApplyAsync(await inner.ForNodesAsync(cluster, nodes, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<ClusterInventory?> ForClusterAsync(string cluster, CancellationToken cancellationToken) =>
        await ApplyAsync(await inner.ForClusterAsync(cluster, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<ClusterInventory?> ApplyAsync(ClusterInventory? inventory, CancellationToken cancellationToken)
    {
        if (inventory is null)
        {
            return null;
        }

        try
        {
            if (recordProbes)
            {
                await RecordAsync(inventory, cancellationToken).ConfigureAwait(false);
            }

            var records = await state().GetNodeProbesAsync(inventory.Cluster, cancellationToken).ConfigureAwait(false);
            return RecordedProbes.Apply(inventory, records, assessor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warn("recorded node probes unavailable; inventory used as gathered", new LogField("cluster", inventory.Cluster), new LogField("error", $"{e.GetType().Name}: {e.Message}"));
            return inventory;
        }
    }

    private async Task RecordAsync(ClusterInventory inventory, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var group in inventory.Nodegroups.Where(g => g.KernelSource == KernelSources.SsmProbe))
        {
            if (KernelVersion.LowestOf(group.Instances, i => i.Kernel) is not { } probed)
            {
                continue;
            }

            await state().RecordNodeProbeAsync(new NodeProbeRecord
            {
                Cluster = inventory.Cluster, Nodegroup = group.Name, InstanceId = probed.InstanceId, AmiId = probed.AmiId, Kernel = probed.Kernel!,
                Features = probed.KernelFeatures ?? new Dictionary<string, bool>(), At = now, Source = "runbook diagnose",
            }, now + RecordLifetime, cancellationToken).ConfigureAwait(false);
        }
    }
}
