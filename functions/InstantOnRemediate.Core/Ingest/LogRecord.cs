namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// One log event reduced to the application text and its source container. <see cref="Text"/> may hold several
/// lines (split on LF by the consumer).
/// </summary>
public sealed record LogRecord(string Text, ContainerRef Source, string? Stream);
