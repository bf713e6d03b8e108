namespace InstantOnRemediate.Core.Ingest;

/// <summary>Why a batch, or one event of it, was not processed. <see cref="Reason"/> is a stable short code.</summary>
public sealed record Rejection(string Reason, string Detail, string? EventId = null);
