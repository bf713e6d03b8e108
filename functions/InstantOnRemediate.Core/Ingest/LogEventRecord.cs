namespace InstantOnRemediate.Core.Ingest;

/// <summary>One CloudWatch Logs event. The id stays a string: real ids are 56 decimal digits.</summary>
public sealed record LogEventRecord(string Id, long Timestamp, string Message);
