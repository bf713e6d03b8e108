namespace InstantOnRemediate.Application.Logging;

/// <summary>One dimension of an EMF record, e.g. <c>Cause = rseq-ptrace-unsupported</c>.</summary>
internal readonly record struct MetricDimension(string Name, string Value);
