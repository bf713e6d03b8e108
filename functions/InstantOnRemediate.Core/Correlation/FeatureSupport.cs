namespace InstantOnRemediate.Core.Correlation;

/// <summary>Whether one kernel has one feature: true, false, or null (kernel unknown), with the reason.</summary>
public sealed record FeatureSupport(KernelFeature Feature, bool? Supported, string Basis);
