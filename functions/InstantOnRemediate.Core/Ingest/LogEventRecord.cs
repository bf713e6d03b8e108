namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// One CloudWatch Logs event. The id stays a string: real ids are 56 decimal digits. <see cref="Message"/> is null
/// only when the batch was decoded with a <see cref="MessageFilter"/> that declined it.
/// </summary>
public sealed record LogEventRecord(string Id, long Timestamp, string? Message);
