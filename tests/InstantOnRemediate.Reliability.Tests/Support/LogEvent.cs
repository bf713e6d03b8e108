namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>One CloudWatch Logs event as it appears in a subscription payload.</summary>
internal sealed record LogEvent(string Id, long Timestamp, string Message);
