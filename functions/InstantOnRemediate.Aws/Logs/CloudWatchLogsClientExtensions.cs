namespace InstantOnRemediate.Aws.Logs;

/// <summary>Paging helpers over <see cref="IAmazonCloudWatchLogs"/>.</summary>
public static class CloudWatchLogsClientExtensions
{
    public const int DefaultMaxPages = 50;

    /// <summary>
    /// All events matching <paramref name="request"/>: follows <c>nextToken</c> (pages may be empty while a token is
    /// still present) until it is absent or repeats, or <paramref name="maxPages"/> pages were read.
    /// </summary>
    public static async Task<FilteredLogEvents> FilterAllLogEventsAsync(this IAmazonCloudWatchLogs logs, FilterLogEventsRequest request, int maxPages = DefaultMaxPages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var events = new List<FilteredLogEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var token = request.NextToken;
        for (var page = 1; page <= maxPages; page++)
        {
            var response = await logs.FilterLogEventsAsync(request with { NextToken = token }, cancellationToken).ConfigureAwait(false);
            events.AddRange(response.Events);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                return new FilteredLogEvents(events, page, Complete: true);
            }
        }

        return new FilteredLogEvents(events, maxPages, Complete: false);
    }
}
