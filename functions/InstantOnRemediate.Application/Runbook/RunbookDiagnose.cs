using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>
/// diagnose: for a cluster, node group, node or pod — the restore failures recorded in the last 24 hours, the
/// InstantOn compatibility of the node groups involved (inventory + <see cref="NodegroupAssessor"/>, with reasons),
/// the actions in flight, and (running against AWS) what the container logs of the last 6 hours say
/// (<see cref="PodLogSearch"/>). Offline: inventory and state only.
/// </summary>
internal sealed class RunbookDiagnose(ServiceContext service)
{
    private static readonly TimeSpan FailureLookback = TimeSpan.FromHours(24);
    private static readonly TimeSpan LogLookback = TimeSpan.FromHours(6);

    public async Task<RunbookResponse> RunAsync(DiagnoseRequest request, CancellationToken cancellationToken)
    {
        var cluster = request.Cluster;
        if (RunbookReplies.OutsideClusters(service, request, cluster) is { } outside)
        {
            return outside;
        }

        var now = service.Clock.GetUtcNow();
        var notes = new List<string>();
        var failures = (await service.State.GetRecentFailuresAsync(cluster, now - FailureLookback, cancellationToken).ConfigureAwait(false))
            .OrderByDescending(f => f.At).ToList();
        ClusterInventory? inventory = null;
        try
        {
            inventory = await service.Inventory.ForClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notes.Add($"inventory of cluster {cluster} could not be gathered ({e.GetType().Name}: {e.Message})");
        }

        if (inventory is null && failures.Count == 0)
        {
            return RunbookReplies.Reply(service, request, RunbookStatuses.NotFound, $"Cluster {cluster} is unknown to the inventory and has no restore failure recorded in 24 h.", notes);
        }

        var assessed = inventory is null ? [] : NodegroupAssessor.Default.Assess(inventory).Nodegroups;
        var (scope, scoped, groups, nodes) = Narrow(request, failures, assessed);
        if (scope is null)
        {
            var what = request.Nodegroup is { } ng ? $"node group {ng}" : $"node {request.Node}";
            return RunbookReplies.Reply(service, request, RunbookStatuses.NotFound, $"{what} is not in the inventory of {cluster} and has no restore failure recorded in 24 h.", notes);
        }

        var names = groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var inFlight = (await service.State.GetInFlightAsync(cluster, cancellationToken).ConfigureAwait(false))
            .Where(a => request.Nodegroup is null && request.Node is null && request.Pod is null || a.Nodegroup is null || names.Contains(a.Nodegroup)).ToList();

        RunbookLogSearch? logs = null;
        if (service.Aws is { } aws)
        {
            try
            {
                logs = await new PodLogSearch(aws.Logs, service.Catalog).SearchAsync(cluster, nodes, request.Pod, now - LogLookback, now, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e)
            {
                notes.Add($"container logs could not be searched ({e.Message}); the diagnosis rests on recorded failures and the inventory");
            }
        }
        else
        {
            notes.Add("local run: container logs are not searched (inventory and state only)");
        }

        var cause = logs is { Verdict: Verdicts.RestoreFailure or Verdicts.CheckpointFailure } ? logs.Cause
            : scoped.GroupBy(f => f.Cause, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        var definition = cause is null ? null : service.Catalog.Cause(cause);
        var diagnosis = new RunbookDiagnosis
        {
            Cluster = cluster,
            Scope = scope,
            Cause = cause,
            Explanation = definition?.Explanation,
            Fix = definition?.Fix,
            Failures = scoped,
            Nodegroups = groups,
            Evidence = Evidence(scoped, groups, logs),
            InFlight = inFlight,
            Logs = logs,
        };
        return RunbookReplies.Reply(service, request, RunbookStatuses.Ok, Summary(diagnosis), notes) with { Diagnosis = diagnosis };
    }

    private static (string? Scope, List<FailureObservation> Failures, List<NodegroupInventory> Groups, List<string> Nodes) Narrow(
        DiagnoseRequest request, List<FailureObservation> failures, IReadOnlyList<NodegroupInventory> assessed)
    {
        List<NodegroupInventory> GroupsOf(IEnumerable<FailureObservation> scoped, IEnumerable<NodegroupInventory> also)
        {
            var wanted = scoped.Select(f => f.Nodegroup).ToHashSet(StringComparer.Ordinal);
            return [.. assessed.Where(g => wanted.Contains(g.Name)).Union(also).DistinctBy(g => g.Name).OrderBy(g => g.Name, StringComparer.Ordinal)];
        }

        static List<string> NodesOf(IEnumerable<FailureObservation> scoped, IEnumerable<NodegroupInventory> groups) =>
            [.. scoped.Select(f => f.Node).Concat(groups.SelectMany(g => g.Instances.Select(i => i.Node))).OfType<string>().Distinct(StringComparer.Ordinal)];

        if (request.Nodegroup is { } nodegroup)
        {
            var scoped = failures.Where(f => f.Nodegroup == nodegroup).ToList();
            var groups = GroupsOf(scoped, assessed.Where(g => g.Name == nodegroup));
            return groups.Count == 0 && scoped.Count == 0 ? (null, [], [], []) : ($"node group {nodegroup}", scoped, groups, NodesOf(scoped, groups));
        }

        if (request.Node is { } node)
        {
            var scoped = failures.Where(f => f.Node == node).ToList();
            var groups = GroupsOf(scoped, assessed.Where(g => g.Instances.Any(i => i.Node == node)));
            return groups.Count == 0 && scoped.Count == 0 ? (null, [], [], []) : ($"node {node}", scoped, groups, [node]);
        }

        if (request.Pod is { } pod)
        {
            var scoped = failures.Where(f => f.Pod == pod).ToList();
            var groups = GroupsOf(scoped, []);
            return ($"pod {(request.Namespace is { } ns ? ns + "/" : "")}{pod}", scoped, groups, NodesOf(scoped, []));
        }

        return ($"cluster {request.Cluster}", failures, [.. assessed], NodesOf(failures, []));
    }

    private static List<string> Evidence(List<FailureObservation> failures, List<NodegroupInventory> groups, RunbookLogSearch? logs)
    {
        var evidence = new List<string>();
        foreach (var g in failures.GroupBy(f => (f.Nodegroup, f.Cause)).OrderByDescending(g => g.Count()))
        {
            var pods = g.Select(f => f.Pod).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            evidence.Add($"{g.Count()} restore failure(s) of {g.Key.Cause} across {pods} pod(s) on node group {g.Key.Nodegroup}, latest {g.Max(f => f.At):yyyy-MM-dd'T'HH:mm'Z'}");
        }

        foreach (var group in groups.Where(g => g.Compatible == false))
        {
            evidence.Add($"node group {group.Name} cannot restore InstantOn: {group.Reason ?? "missing " + string.Join(", ", group.Missing)}");
        }

        if (logs is not null)
        {
            evidence.Add($"container logs ({logs.LogGroup}, {logs.Events} matching event(s)): {logs.Verdict} {logs.Cause}");
            evidence.AddRange(logs.Evidence.Select(line => "log: " + line));
        }

        return evidence;
    }

    private static string Summary(RunbookDiagnosis d)
    {
        var failures = d.Failures.Count == 0 ? "no restore failure recorded in 24 h" : $"{d.Failures.Count} restore failure(s) in 24 h";
        var cause = d.Cause is null ? "" : $", cause {d.Cause}";
        var bad = d.Nodegroups.Where(g => g.Compatible == false).Select(g => g.Name).ToList();
        var good = d.Nodegroups.Where(g => g.Compatible == true).Select(g => g.Name).ToList();
        var groups = d.Nodegroups.Count == 0 ? "no node group in scope"
            : (bad.Count > 0 ? $"cannot restore InstantOn: {string.Join(", ", bad)}" : "no incompatible node group")
              + (good.Count > 0 ? $"; compatible: {string.Join(", ", good)}" : "");
        var inFlight = d.InFlight.Count == 0 ? "" : $"; {d.InFlight.Count} action(s) in flight";
        return $"{char.ToUpperInvariant(d.Scope[0])}{d.Scope[1..]} of {d.Cluster}: {failures}{cause}; {groups}{inFlight}.";
    }
}
