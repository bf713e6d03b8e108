using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// Reads a cluster's container log group for restore outcomes since a point in time: FilterLogEvents with the
/// subscription pattern generated from the catalog's fixed terms (never from log text), the events grouped per log
/// stream (one container) and run through the same detector as the detect function. Read-only.
/// </summary>
internal sealed class ContainerLogSearch(IAmazonCloudWatchLogs logs, SignatureCatalog catalog, int maxPages = ContainerLogSearch.DefaultMaxPages)
{
    public const int DefaultMaxPages = 20;

    private readonly string pattern = FilterPatternGenerator.Generate(catalog);

    /// <summary>The log group reconcile reads for <paramref name="cluster"/>: a configured one of that cluster, or the Container Insights default.</summary>
    public static IReadOnlyList<string> LogGroupsOf(string cluster, IReadOnlyList<string> configured)
    {
        var mine = configured.Where(g => LogGroupName.ClusterOf(g) == cluster).ToList();
        return mine.Count > 0 ? mine : [$"/aws/containerinsights/{cluster}/application"];
    }

    /// <summary>Restore outcomes (successes and failures) logged in <paramref name="logGroup"/> between the two instants.</summary>
    [IamAction("logs:FilterLogEvents", Resource = "log-group")]
    public async Task<LogSearchResult> SearchAsync(string logGroup, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var read = await logs.FilterAllLogEventsAsync(new FilterLogEventsRequest
        {
            LogGroupName = logGroup,
            StartTime = from.ToUnixTimeMilliseconds(),
            EndTime = to.ToUnixTimeMilliseconds(),
            FilterPattern = pattern,
        }, maxPages, cancellationToken).ConfigureAwait(false);

        var findings = new List<Finding>();
        foreach (var stream in read.Events.Where(e => e.Message is not null).GroupBy(e => e.LogStreamName ?? "", StringComparer.Ordinal))
        {
            var payload = new LogsPayload
            {
                MessageType = MessageTypes.Data,
                LogGroup = logGroup,
                LogStream = stream.Key,
                LogEvents = [.. stream.OrderBy(e => e.Timestamp ?? 0).Select(e => new LogEventRecord(e.EventId ?? "", e.Timestamp ?? 0, e.Message!))],
            };
            findings.AddRange(RestoreDetector.Detect(new DecodedBatch(payload, []), catalog));
        }

        return new LogSearchResult(logGroup, findings, read.Events.Count, read.Complete);
    }
}
