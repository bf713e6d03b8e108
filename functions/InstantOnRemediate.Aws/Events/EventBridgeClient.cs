using System.Text.Json;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// EventBridge over JSON 1.1 (model events/2015-10-07): <c>POST /</c> with <c>X-Amz-Target: AWSEvents.PutEvents</c>,
/// SigV4 scope <c>events</c>. Whole-call failures (throttling, 5xx after the channel's retries, access denied)
/// surface as <see cref="AwsServiceException"/>; per-entry failures come back in the response for the caller
/// (<see cref="EventBridgeDelivery"/> retries the transient ones).
/// </summary>
internal sealed class EventBridgeClient : IAmazonEventBridge
{
    internal const string ContentType = "application/x-amz-json-1.1";

    internal const string TargetPrefix = "AWSEvents.";

    /// <summary>Model limit of <c>PutEventsRequestEntryList</c>.</summary>
    public const int MaxEntries = 10;

    public static readonly AwsService Service = new("EVENTBRIDGE", "events", "events");

    private readonly AwsServiceChannel channel;

    public EventBridgeClient(AwsServiceChannel channel)
    {
        this.channel = channel;
    }

    [IamAction("events:PutEvents", Resource = "event-bus")]
    public async Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Entries.Count is 0 or > MaxEntries)
        {
            throw new ArgumentException($"PutEvents takes 1..{MaxEntries} entries, got {request.Entries.Count}", nameof(request));
        }

        if (request.EndpointId is not null)
        {
            // Global endpoints are another host and sign with SigV4a, which this client does not do.
            throw new ArgumentException("EndpointId (EventBridge global endpoints) is not supported (they need SigV4a signing); give the bus ARN in the Region instead", nameof(request));
        }

        foreach (var entry in request.Entries)
        {
            if (EventEntrySize.Problem(entry) is { } problem)
            {
                throw new ArgumentException(problem, nameof(request));
            }
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(request, EventBridgeJsonContext.Default.PutEventsRequest);
        var response = await channel.SendAsync(
            new AwsHttpRequest(HttpMethod.Post, "/")
            {
                Operation = "PutEvents",
                Body = body,
                ContentType = ContentType,
                Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Amz-Target"] = TargetPrefix + "PutEvents" },
            },
            cancellationToken).ConfigureAwait(false);
        PutEventsResponse parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(response.Body, EventBridgeJsonContext.Default.PutEventsResponse)
                ?? throw new AwsServiceException("PutEvents returned an empty body");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException($"PutEvents returned unreadable JSON: {e.Message}", e);
        }

        if (parsed.Entries.Count != request.Entries.Count)
        {
            throw new AwsServiceException($"PutEvents answered {parsed.Entries.Count} result entries for {request.Entries.Count} request entries");
        }

        return parsed;
    }
}
