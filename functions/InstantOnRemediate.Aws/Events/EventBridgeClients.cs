using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// Builds the EventBridge client from the same <see cref="AwsClientFactory"/> as the other hand-written clients
/// (region, credentials, <c>AWS_ENDPOINT_URL_EVENTBRIDGE</c> / <c>AWS_ENDPOINT_URL</c>, retries, timeouts). Not a
/// lazy member of the factory yet: the composition root holds the one it creates.
/// </summary>
public static class EventBridgeClients
{
    public static IAmazonEventBridge CreateEventBridge(this AwsClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new EventBridgeClient(factory.Channel(EventBridgeClient.Service, JsonErrorReader.Instance));
    }

    /// <summary>The client, built on first use: a cold start that publishes nothing pays nothing for it.</summary>
    public static IAmazonEventBridge CreateEventBridgeOnFirstUse(this AwsClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new DeferredEventBridge(new Lazy<IAmazonEventBridge>(factory.CreateEventBridge));
    }

    private sealed class DeferredEventBridge(Lazy<IAmazonEventBridge> client) : IAmazonEventBridge
    {
        public Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default) =>
            client.Value.PutEventsAsync(request, cancellationToken);
    }
}
