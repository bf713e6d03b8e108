using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// Puts the service's events (<see cref="RemediationEvents"/>) on the configured bus. With no bus configured it
/// does nothing and says so. Never throws for delivery problems (they come back in the result for the caller to
/// log, count and audit); cancellation propagates.
/// </summary>
public sealed class EventPublisher
{
    private readonly EventBridgeDelivery? delivery;

    /// <param name="delivery">The delivery to send through; null only when <paramref name="eventBus"/> is null.</param>
    /// <param name="eventBus">A bus name or ARN (see <see cref="EventBusName.Parse"/>); null = off.</param>
    public EventPublisher(EventBridgeDelivery? delivery, string? eventBus)
    {
        EventBus = eventBus;
        if (eventBus is not null)
        {
            this.delivery = delivery ?? throw new ArgumentNullException(nameof(delivery), "a bus needs a delivery");
        }
    }

    /// <summary>Off: publishes nothing.</summary>
    public static readonly EventPublisher Disabled = new(null, null);

    /// <summary>From <c>EVENT_BUS</c> (via <paramref name="variables"/>); off when empty. Fails fast on a malformed value.</summary>
    public static EventPublisher FromEnvironment(AwsClientFactory aws, TimeProvider time, IJitterSource jitter, Func<string, string?> variables, EventDeliveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(variables);
        var bus = EventBusName.Parse(variables(EventBusName.Variable));
        return bus is null ? Disabled : new EventPublisher(new EventBridgeDelivery(aws.CreateEventBridgeOnFirstUse(), time, jitter, options), bus);
    }

    public string? EventBus { get; }

    public bool Enabled => EventBus is not null;

    [IamAction("events:PutEvents", Resource = "event-bus")]
    public async Task<EventPublishResult> PublishAsync(IReadOnlyList<RemediationEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (delivery is null || events.Count == 0)
        {
            return new EventPublishResult { Enabled = Enabled };
        }

        var entries = events.Select(ToEntry).ToList();
        var result = await delivery.SendAsync(entries, cancellationToken).ConfigureAwait(false);
        return new EventPublishResult
        {
            Enabled = true,
            Sent = [.. result.Delivered.Select(d => new PublishedEvent(events[d.Index], d.EventId))],
            Failed = [.. result.Undelivered.Select(u => new EventPublishFailure(events[u.Index], u.Code, u.Reason))],
        };
    }

    /// <summary>The PutEvents entry of one event on the configured bus.</summary>
    public PutEventsRequestEntry ToEntry(RemediationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new PutEventsRequestEntry
        {
            Source = e.Source,
            DetailType = e.DetailType,
            Detail = RemediationEventJson.Detail(e.Detail),
            Time = e.Time,
            Resources = e.Resources.Count == 0 ? null : [.. e.Resources],
            EventBusName = EventBus,
        };
    }
}

/// <summary>What <see cref="EventPublisher.PublishAsync"/> did: nothing (off), or which events went out and which did not.</summary>
public sealed record EventPublishResult
{
    public bool Enabled { get; init; }

    public IReadOnlyList<PublishedEvent> Sent { get; init; } = [];

    public IReadOnlyList<EventPublishFailure> Failed { get; init; } = [];
}

public sealed record PublishedEvent(RemediationEvent Event, string EventBridgeId);

/// <summary>An event that did not reach the bus: EventBridge's code (or EntryTooLarge/InvalidEntry) and why.</summary>
public sealed record EventPublishFailure(RemediationEvent Event, string Code, string Reason);
