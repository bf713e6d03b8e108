namespace InstantOnRemediate.Core.Correlation;

/// <summary>A node-group taint in EKS API spelling (effect: NO_SCHEDULE | NO_EXECUTE | PREFER_NO_SCHEDULE).</summary>
public sealed record NodegroupTaint(string Key, string? Value, string Effect);
