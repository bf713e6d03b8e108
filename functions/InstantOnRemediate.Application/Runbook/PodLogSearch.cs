using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Application.Handlers;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>
/// diagnose's look at the container logs: FilterLogEvents on a cluster's Container Insights application log group
/// with the subscription's pattern (a fixed set of catalog terms — never text from the request), one search per
/// node (log stream prefix <c>&lt;node&gt;-application.</c>), pages and lines bounded; the lines are classified
/// like a container log (<see cref="RestoreDetector.ClassifyLines"/>). Only validated names reach the request.
/// </summary>
internal sealed class PodLogSearch(IAmazonCloudWatchLogs logs, SignatureCatalog catalog)
{
    public const int MaxPagesPerStream = 5;
    public const int MaxNodes = 5;
    public const int MaxLines = 5000;

    private readonly string pattern = FilterPatternGenerator.Generate(catalog);

    /// <summary>The application log group of <paramref name="cluster"/> (a validated EKS cluster name).</summary>
    public static string LogGroupOf(string cluster) =>
        IdentifierRules.IsClusterName(cluster) ? $"/aws/containerinsights/{cluster}/application" : throw new ArgumentException("not an EKS cluster name", nameof(cluster));

    /// <param name="cluster">Validated EKS cluster name.</param>
    /// <param name="nodes">Kubernetes node names; only those that pass the DNS-1123 grammar are searched (at most <see cref="MaxNodes"/>); none = the whole log group.</param>
    /// <param name="pod">Keep only lines of this pod's containers (matched on the parsed log stream name), when set.</param>
    public async Task<RunbookLogSearch> SearchAsync(string cluster, IEnumerable<string> nodes, string? pod, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var group = LogGroupOf(cluster);
        var prefixes = nodes.Where(RunbookIdentifiers.IsDnsSubdomain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxNodes)
            .Select(n => n + "-application.").ToList();
        var lines = new List<string>();
        int events = 0, pages = 0;
        var complete = true;
        foreach (var prefix in prefixes.Count == 0 ? [null] : prefixes.Cast<string?>())
        {
            var read = await FilterAsync(new FilterLogEventsRequest
            {
                LogGroupName = group,
                LogStreamNamePrefix = prefix,
                FilterPattern = pattern,
                StartTime = since.ToUnixTimeMilliseconds(),
                EndTime = until.ToUnixTimeMilliseconds(),
                Limit = 1000,
            }, cancellationToken).ConfigureAwait(false);
            pages += read.Pages;
            complete &= read.Complete;
            foreach (var e in read.Events)
            {
                if (pod is not null && LogStreamName.Parse(e.LogStreamName)?.Pod != pod)
                {
                    continue;
                }

                events++;
                if (lines.Count < MaxLines && e.Message is { } message)
                {
                    lines.Add(message);
                }
            }
        }

        var result = RestoreDetector.ClassifyLines(lines, catalog);
        return new RunbookLogSearch
        {
            LogGroup = group,
            StreamPrefixes = [.. prefixes],
            Events = events,
            Pages = pages,
            Complete = complete && events <= MaxLines,
            Verdict = result.Verdict,
            Cause = result.Cause,
            Remedy = result.Remedy,
            Evidence = [.. result.Evidence.Take(20)],
            Kernel = result.Kernel,
        };
    }

    [IamAction("logs:FilterLogEvents", Resource = "log-group")]
    private Task<FilteredLogEvents> FilterAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        logs.FilterAllLogEventsAsync(request, MaxPagesPerStream, cancellationToken);
}
