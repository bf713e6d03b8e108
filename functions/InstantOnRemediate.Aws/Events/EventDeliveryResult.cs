namespace InstantOnRemediate.Aws.Events;

/// <summary>What became of each entry handed to <see cref="EventBridgeDelivery.SendAsync"/>, by its index in that list.</summary>
public sealed record EventDeliveryResult(IReadOnlyList<DeliveredEvent> Delivered, IReadOnlyList<UndeliveredEvent> Undelivered)
{
    public bool AllDelivered => Undelivered.Count == 0;
}

/// <summary>Entry <see cref="Index"/> is on the bus as <see cref="EventId"/>, after <see cref="Rounds"/> PutEvents rounds.</summary>
public sealed record DeliveredEvent(int Index, string EventId, int Rounds);

/// <summary>
/// Entry <see cref="Index"/> did not reach the bus: <see cref="Code"/> is EventBridge's per-entry ErrorCode, the
/// service error of the whole call, or one of ours (<see cref="EventDeliveryCodes"/>); <see cref="Reason"/> says why
/// in words. The caller records it (audit, metric); nothing is thrown for it.
/// </summary>
public sealed record UndeliveredEvent(int Index, PutEventsRequestEntry Entry, string Code, string Reason, int Rounds);

/// <summary>Codes of entries refused before sending.</summary>
public static class EventDeliveryCodes
{
    /// <summary>The entry alone exceeds the 256 KB entry limit.</summary>
    public const string EntryTooLarge = "EntryTooLarge";

    /// <summary>Source, DetailType or Detail missing.</summary>
    public const string InvalidEntry = "InvalidEntry";
}
