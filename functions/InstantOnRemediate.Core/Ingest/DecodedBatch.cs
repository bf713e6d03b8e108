namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// What <see cref="SubscriptionDecoder"/> made of one delivery: the payload (null when the whole delivery was
/// rejected) and every rejection, batch-level or per event.
/// </summary>
public sealed record DecodedBatch(LogsPayload? Payload, IReadOnlyList<Rejection> Rejected)
{
    public bool IsRejected => Payload is null;

    public static DecodedBatch Reject(string reason, string detail) => new(null, [new Rejection(reason, detail)]);
}
