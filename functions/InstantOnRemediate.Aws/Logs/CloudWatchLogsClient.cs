using System.Text.Json;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Json;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Logs;

/// <summary>
/// CloudWatch Logs over JSON 1.1 (model logs/2014-03-28): <c>POST /</c> with <c>X-Amz-Target: Logs_20140328.&lt;Op&gt;</c>,
/// SigV4 scope <c>logs</c>. Failures surface as <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class CloudWatchLogsClient : IAmazonCloudWatchLogs
{
    internal const string ContentType = "application/x-amz-json-1.1";

    internal const string TargetPrefix = "Logs_20140328.";

    private readonly AwsServiceChannel channel;

    public CloudWatchLogsClient(AwsServiceChannel channel)
    {
        this.channel = channel;
    }

    [IamAction("logs:FilterLogEvents", Resource = "log-group")]
    public async Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.LogGroupName, nameof(request));
        if (request.LogStreamNames is { Count: > 0 } && request.LogStreamNamePrefix is not null)
        {
            throw new ArgumentException("logStreamNames and logStreamNamePrefix cannot both be set", nameof(request));
        }

        if (request.LogStreamNames is { Count: 0 or > 100 })
        {
            throw new ArgumentException("logStreamNames must hold 1..100 names when set", nameof(request));
        }

        if (request.Limit is < 1 or > 10000)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, "limit must be 1..10000");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJsonContext.Default.FilterLogEventsRequest);
        var response = await channel.SendAsync(
            new AwsHttpRequest(HttpMethod.Post, "/")
            {
                Operation = "FilterLogEvents",
                Body = body,
                ContentType = ContentType,
                Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Amz-Target"] = TargetPrefix + "FilterLogEvents" },
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body, AwsJsonContext.Default.FilterLogEventsResponse)
                ?? throw new AwsServiceException("FilterLogEvents returned an empty body");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException($"FilterLogEvents returned unreadable JSON: {e.Message}", e);
        }
    }
}
