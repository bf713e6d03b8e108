namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Tells <see cref="SubscriptionDecoder"/> which event messages its consumer needs as text. A message it declines is
/// still validated and its event still counts, but no string is made for it (<see cref="LogEventRecord.Message"/> is
/// null): in a batch of ordinary application logs that is almost every message, and most of the decoding cost.
/// </summary>
/// <param name="message">The unescaped message, in a buffer that is reused for the next one.</param>
/// <returns>true to keep the message as a string.</returns>
public delegate bool MessageFilter(ReadOnlySpan<char> message);
