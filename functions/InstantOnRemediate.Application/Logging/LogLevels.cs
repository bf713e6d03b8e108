namespace InstantOnRemediate.Application.Logging;

/// <summary>The wire names of <see cref="LogLevel"/> and their parsing (LOG_LEVEL).</summary>
internal static class LogLevels
{
    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Debug => "debug",
        LogLevel.Info => "info",
        LogLevel.Warn => "warn",
        _ => "error",
    };

    /// <summary>Parses debug|info|warn|error (case-insensitive); null or empty means info.</summary>
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = LogLevel.Info;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "DEBUG":
                level = LogLevel.Debug;
                return true;
            case "INFO":
                return true;
            case "WARN" or "WARNING":
                level = LogLevel.Warn;
                return true;
            case "ERROR":
                level = LogLevel.Error;
                return true;
            default:
                return false;
        }
    }
}
