namespace InstantOnRemediate.Application.Logging;

/// <summary>Severity of a log line; written lower-case ("debug", "info", "warn", "error").</summary>
internal enum LogLevel
{
    Debug = 0,
    Info = 1,
    Warn = 2,
    Error = 3,
}
