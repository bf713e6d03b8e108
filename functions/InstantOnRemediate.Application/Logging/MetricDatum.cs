namespace InstantOnRemediate.Application.Logging;

/// <summary>One metric value of an EMF record, e.g. <c>RestoreFailures = 3 Count</c>.</summary>
internal readonly record struct MetricDatum(string Name, double Value, string Unit = MetricUnits.Count);
