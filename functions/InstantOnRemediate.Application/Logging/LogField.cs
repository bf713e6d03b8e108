namespace InstantOnRemediate.Application.Logging;

/// <summary>
/// One extra field of a log line. Values are written by type: null, string, bool, integers, floating point,
/// <see cref="DateTimeOffset"/> (ISO-8601), a list of strings (JSON array); anything else as its invariant text.
/// </summary>
internal readonly record struct LogField(string Name, object? Value);
