namespace InstantOnRemediate.Aws.Logs;

/// <summary>The events of a paged FilterLogEvents read; <see cref="Complete"/> is false when the page limit cut it short.</summary>
public sealed record FilteredLogEvents(IReadOnlyList<FilteredLogEvent> Events, int Pages, bool Complete);
