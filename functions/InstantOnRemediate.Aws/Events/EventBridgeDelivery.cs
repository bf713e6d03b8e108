using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// Puts any number of entries on EventBridge: refuses oversized or incomplete entries before sending (with a
/// reason), packs the rest in order into PutEvents calls of at most 10 entries and 256 KB, resends the entries that
/// failed with a transient per-entry error (throttling, internal failure) in a bounded number of rounds with
/// backoff, and returns what still failed as values. Cancellation propagates; nothing else is thrown.
/// </summary>
public sealed class EventBridgeDelivery
{
    private readonly IAmazonEventBridge events;
    private readonly TimeProvider time;
    private readonly IJitterSource jitter;
    private readonly EventDeliveryOptions options;

    public EventBridgeDelivery(IAmazonEventBridge events, TimeProvider time, IJitterSource jitter, EventDeliveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jitter);
        this.events = events;
        this.time = time;
        this.jitter = jitter;
        this.options = (options ?? EventDeliveryOptions.Default).Validated();
    }

    /// <summary>Per-entry error codes worth another round; anything else (MalformedDetail, AccessDenied…) is final.</summary>
    public static bool IsTransient(string? code) => code is not null
        && (code.Contains("Throttl", StringComparison.OrdinalIgnoreCase)
            || code.Contains("Internal", StringComparison.OrdinalIgnoreCase)
            || code.Contains("ServiceUnavailable", StringComparison.OrdinalIgnoreCase)
            || code.Contains("Timeout", StringComparison.OrdinalIgnoreCase)
            || code is "LimitExceededException" or "RequestLimitExceeded");

    public async Task<EventDeliveryResult> SendAsync(IReadOnlyList<PutEventsRequestEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var delivered = new List<DeliveredEvent>();
        var undelivered = new List<UndeliveredEvent>();
        var pending = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (EventEntrySize.Problem(entries[i]) is { } problem)
            {
                var code = EventEntrySize.Of(entries[i]) > EventEntrySize.MaxBytes ? EventDeliveryCodes.EntryTooLarge : EventDeliveryCodes.InvalidEntry;
                undelivered.Add(new UndeliveredEvent(i, entries[i], code, problem, 0));
            }
            else
            {
                pending.Add(i);
            }
        }

        for (var round = 1; pending.Count > 0; round++)
        {
            var retry = new List<(int Index, string Code, string Reason)>();
            foreach (var batch in Batches(entries, pending))
            {
                try
                {
                    var response = await events.PutEventsAsync(new PutEventsRequest { Entries = [.. batch.Select(i => entries[i])] }, cancellationToken).ConfigureAwait(false);
                    for (var k = 0; k < batch.Count; k++)
                    {
                        var result = response.Entries[k];
                        if (result.ErrorCode is null && !string.IsNullOrEmpty(result.EventId))
                        {
                            delivered.Add(new DeliveredEvent(batch[k], result.EventId, round));
                        }
                        else
                        {
                            var code = result.ErrorCode ?? "NoEventId";
                            var reason = result.ErrorMessage ?? "EventBridge returned neither an EventId nor an error";
                            if (IsTransient(code))
                            {
                                retry.Add((batch[k], code, reason));
                            }
                            else
                            {
                                undelivered.Add(new UndeliveredEvent(batch[k], entries[batch[k]], code, reason, round));
                            }
                        }
                    }
                }
                catch (AwsServiceException e)
                {
                    // The channel already retried throttling and 5xx; what is left is final for this call.
                    undelivered.AddRange(batch.Select(i => new UndeliveredEvent(i, entries[i], e.ErrorCode ?? "ServiceError", e.Message, round)));
                }
            }

            if (retry.Count == 0)
            {
                break;
            }

            if (round >= options.MaxRounds)
            {
                undelivered.AddRange(retry.Select(r => new UndeliveredEvent(r.Index, entries[r.Index], r.Code, $"{r.Reason} (still failing after {round} rounds)", round)));
                break;
            }

            pending = [.. retry.Select(r => r.Index)];
            var delay = Delay(round);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }

        return new EventDeliveryResult(
            [.. delivered.OrderBy(d => d.Index)],
            [.. undelivered.OrderBy(u => u.Index)]);
    }

    /// <summary>The entries at <paramref name="indexes"/>, in order, packed into calls of ≤ 10 entries and ≤ 256 KB.</summary>
    internal static List<List<int>> Batches(IReadOnlyList<PutEventsRequestEntry> entries, IReadOnlyList<int> indexes)
    {
        var batches = new List<List<int>>();
        var current = new List<int>();
        var bytes = 0;
        foreach (var index in indexes)
        {
            var size = EventEntrySize.Of(entries[index]);
            if (current.Count == EventBridgeClient.MaxEntries || (current.Count > 0 && bytes + size > EventEntrySize.MaxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(index);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    private TimeSpan Delay(int round)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(round - 1, 20)));
        return TimeSpan.FromMilliseconds(jitter.Next() * ceiling);
    }
}
