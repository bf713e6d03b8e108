using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Detect;

/// <summary>
/// detect: decode → classify → correlate → decide → claim → act (mode permitting) → alert → metrics → audit.
/// A failure of one AWS call or one action is reported in the response and does not lose the rest.
/// A batch with no restore outcome makes no AWS call at all.
/// </summary>
internal sealed class DetectPipeline(ServiceContext service)
{
    /// <summary>How long processed-event markers and failure observations are kept.</summary>
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(2);

    /// <param name="payload">The subscription event.</param>
    /// <param name="clock">The invocation's clock (the fixed --now/NOW instant when set).</param>
    /// <param name="cancellationToken">Cancels the invocation.</param>
    public async Task<DetectResponse> RunAsync(ReadOnlyMemory<byte> payload, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = service.Options.DecisionClock(clock).GetUtcNow();
        var decoded = SubscriptionDecoder.Decode(payload.Span, DecoderLimits.Default, service.Catalog.MessageFilter);
        var batch = Summary(decoded);
        var mode = service.Options.Mode;
        var emptyPlan = new Plan { Id = "plan-none", Mode = mode, CreatedAt = now.ToUnixTimeMilliseconds() };
        if (decoded.Payload is not { } logs)
        {
            return new DetectResponse { Batch = batch, Plan = emptyPlan, Notes = ["the batch was rejected: nothing to classify"] };
        }

        if (logs.IsControlMessage)
        {
            return new DetectResponse { Batch = batch, Plan = emptyPlan, Notes = ["CONTROL_MESSAGE: a reachability check, ignored"] };
        }

        var notes = new List<string>();
        var findings = RestoreDetector.Detect(decoded, service.Catalog).ToList();
        service.Metrics.Count("LogEventsRead", logs.LogEvents.Count);
        if (findings.Count == 0)
        {
            return new DetectResponse { Batch = batch, Plan = emptyPlan };
        }

        // Duplicate delivery (CloudWatch Logs and Lambda both retry): a finding already handled is dropped.
        var fresh = new List<Finding>();
        foreach (var finding in findings)
        {
            if (await IsProcessedAsync(finding, cancellationToken).ConfigureAwait(false))
            {
                notes.Add($"finding {finding.Id} was already processed (duplicate delivery): not acted on again");
            }
            else
            {
                fresh.Add(finding);
            }
        }

        var (refined, correlation, inventories) = await CorrelateAsync(fresh, notes, cancellationToken).ConfigureAwait(false);
        var policy = service.Policy;
        await RecordObservationsAsync(refined, correlation, now, cancellationToken).ConfigureAwait(false);
        var clusters = refined.Select(f => f.Cluster).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var snapshot = await ReadStateAsync(clusters, now, notes, cancellationToken).ConfigureAwait(false);

        var plan = Decider.Decide(new DecisionInput
        {
            Findings = refined,
            Inventories = inventories,
            Correlations = correlation,
            Policy = policy,
            State = snapshot,
            Now = now,
        });

        var execution = new PlanExecution(service);
        plan = await execution.CarryOutAsync(plan, refined, correlation, inventories, cancellationToken).ConfigureAwait(false);

        if (service.Events.Enabled)
        {
            var (account, region) = PlanEvents.StackOf(service.Settings.TopicArn);
            var published = await service.Events.PublishAsync(PlanEvents.Of(plan, inventories, account, region, now), cancellationToken).ConfigureAwait(false);
            notes.AddRange(published.Failed.Select(f => $"event {f.Event.DetailType} not delivered to {service.Events.EventBus}: {f.Code} {f.Reason}"));
        }

        foreach (var finding in refined.Where(f => f.Verdict is Verdicts.RestoreFailure or Verdicts.CheckpointFailure))
        {
            service.Metrics.Count("RestoreFailures", 1, new MetricDimension("Cluster", finding.Cluster ?? "unknown"), new MetricDimension("Cause", finding.Cause));
        }

        // Mark processed last: a retry after a transient failure sees the batch again; claims keep actions single.
        if (!execution.HasRetryableFailure)
        {
            foreach (var finding in fresh)
            {
                await MarkProcessedAsync(finding, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return new DetectResponse
        {
            Batch = batch,
            Findings = findings.Select(f => refined.FirstOrDefault(r => r.Id == f.Id) ?? f).ToList(),
            Correlation = correlation,
            Plan = plan,
            Alerts = execution.Alerts,
            Notes = [.. notes, .. plan.Notes, .. execution.Notes],
            RetryRequested = execution.HasRetryableFailure,
        };
    }

    private static BatchSummary Summary(DecodedBatch decoded) => new()
    {
        LogGroup = decoded.Payload?.LogGroup,
        LogStream = decoded.Payload?.LogStream,
        Events = decoded.Payload?.LogEvents.Count ?? 0,
        Rejected = [.. decoded.Rejected.Select(r => new RejectedRecord { Reason = r.Reason, Detail = r.Detail, EventId = r.EventId })],
    };

    private async Task<bool> IsProcessedAsync(Finding finding, CancellationToken cancellationToken)
    {
        var processed = await service.State.IsEventProcessedAsync(finding.LogGroup ?? "-", "finding#" + finding.Id, cancellationToken).ConfigureAwait(false);
        return processed;
    }

    private Task MarkProcessedAsync(Finding finding, DateTimeOffset now, CancellationToken cancellationToken) =>
        service.State.TryMarkEventProcessedAsync(finding.LogGroup ?? "-", "finding#" + finding.Id, now + MarkerLifetime, cancellationToken);

    private async Task<(List<Finding> Findings, List<NodeCorrelation> Correlation, List<ClusterInventory> Inventories)> CorrelateAsync(
        List<Finding> findings, List<string> notes, CancellationToken cancellationToken)
    {
        var refined = new List<Finding>(findings.Count);
        var correlation = new List<NodeCorrelation>();
        var inventories = new List<ClusterInventory>();
        foreach (var byCluster in findings.GroupBy(f => f.Cluster, StringComparer.Ordinal))
        {
            var group = byCluster.ToList();
            ClusterInventory? inventory = null;
            if (byCluster.Key is null)
            {
                notes.Add($"{group.Count} finding(s) carry no cluster (log group is not /aws/containerinsights/<cluster>/...): not correlated");
            }
            else if (service.Settings.Clusters.Count > 0 && !service.Settings.Clusters.Contains(byCluster.Key))
            {
                notes.Add($"cluster {byCluster.Key} is not in the configured CLUSTERS: reported, not correlated");
            }
            else
            {
                var nodes = group.Select(f => f.Node).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                try
                {
                    inventory = await service.Inventory.ForNodesAsync(byCluster.Key, nodes, cancellationToken).ConfigureAwait(false);
                    if (inventory is null)
                    {
                        notes.Add($"no inventory for cluster {byCluster.Key}: node groups and kernels unknown");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    notes.Add($"inventory of cluster {byCluster.Key} could not be gathered ({e.GetType().Name}: {e.Message}); findings reported without correlation");
                    service.Log.Warn("inventory failed", new LogField("cluster", byCluster.Key), new LogField("error", e.Message));
                }
            }

            if (inventory is null)
            {
                refined.AddRange(group);
                continue;
            }

            inventories.Add(inventory);
            var placed = NodeCorrelator.Default.Correlate(group, inventory);
            correlation.AddRange(placed);
            foreach (var finding in group)
            {
                var node = placed.FirstOrDefault(c => c.Node == finding.Node);
                refined.Add(node is null ? finding : Refine(finding, node, notes));
            }
        }

        return (refined, correlation, inventories);
    }

    /// <summary>Correlation may change the cause (e.g. signal 11 on a kernel without ptrace rseq support); the catalog's text follows the cause.</summary>
    private Finding Refine(Finding finding, NodeCorrelation node, List<string> notes)
    {
        var result = CauseRefiner.Default.Refine(finding, node.Kernel, node.KernelSource);
        if (!result.Changed)
        {
            return result.Finding;
        }

        notes.Add($"finding {finding.Id}: {result.Note}");
        var definition = service.Catalog.Cause(result.Finding.Cause);
        return result.Finding with
        {
            Explanation = result.Finding.Explanation ?? definition?.Explanation,
            Fix = result.Finding.Fix ?? definition?.Fix,
        };
    }

    private async Task RecordObservationsAsync(List<Finding> findings, List<NodeCorrelation> correlation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var finding in findings)
        {
            var node = correlation.FirstOrDefault(c => c.Node == finding.Node);
            if (finding.Cluster is null || node?.Nodegroup is null)
            {
                continue;
            }

            if (finding.Verdict is Verdicts.RestoreFailure or Verdicts.CheckpointFailure)
            {
                await service.State.RecordFailureAsync(new FailureObservation
                {
                    FindingId = finding.Id, Cluster = finding.Cluster, Nodegroup = node.Nodegroup, Cause = finding.Cause,
                    Pod = finding.Pod, Namespace = finding.Namespace, Node = finding.Node, At = DateTimeOffset.FromUnixTimeMilliseconds(finding.LastTimestamp > 0 ? finding.LastTimestamp : now.ToUnixTimeMilliseconds()),
                }, now + MarkerLifetime, cancellationToken).ConfigureAwait(false);
            }

            if (finding.Verdict is Verdicts.RestoreFailure or Verdicts.RestoreSuccess && node.AmiRelease is { } release)
            {
                await service.State.RecordRestoreOutcomeAsync(node.AmiFamily ?? "unknown", release, finding.Verdict == Verdicts.RestoreSuccess, finding.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<StateSnapshot> ReadStateAsync(List<string> clusters, DateTimeOffset now, List<string> notes, CancellationToken cancellationToken)
    {
        var snapshot = await StateSnapshotReader.ReadAsync(service.State, clusters, service.Policy, now, cancellationToken).ConfigureAwait(false);
        var pause = await new PauseSwitch(service).ReadAsync(cancellationToken).ConfigureAwait(false);
        if (pause.Paused)
        {
            notes.Add($"paused ({pause.Source}): nothing is carried out");
        }

        return snapshot with { Paused = snapshot.Paused || pause.Paused, PausedBy = pause.Paused ? pause.Source : snapshot.PausedBy };
    }
}
