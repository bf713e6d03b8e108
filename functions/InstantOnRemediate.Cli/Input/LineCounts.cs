namespace InstantOnRemediate.Cli.Input;

/// <summary>What reading one log came to: its lines, how many were cut to the line cap, how many were not valid UTF-8.</summary>
internal sealed record LineCounts(long Lines, long TruncatedLines, long InvalidUtf8Lines);
