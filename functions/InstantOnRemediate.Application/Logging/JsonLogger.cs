using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InstantOnRemediate.Application.Logging;

/// <summary>
/// Structured JSON logs, one object per line: <c>timestamp</c> (from the injected <see cref="TimeProvider"/>),
/// <c>level</c>, <c>message</c>, <c>requestId</c> (of the invocation in progress on this async flow),
/// <c>handler</c>, then the extra fields. AOT-safe: written with <see cref="Utf8JsonWriter"/>, no reflection.
/// </summary>
internal sealed class JsonLogger
{
    private static readonly AsyncLocal<string?> CurrentRequestId = new();

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "timestamp", "level", "message", "requestId", "handler" };

    private readonly TimeProvider time;

    public JsonLogger(LogSink sink, TimeProvider time, LogLevel minimumLevel = LogLevel.Info, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        Sink = sink;
        this.time = time;
        MinimumLevel = minimumLevel;
        Handler = handler;
    }

    /// <summary>A logger that writes nothing.</summary>
    public static JsonLogger Null { get; } = new(LogSink.Null, StoppedClock.Instance, LogLevel.Error);

    public LogSink Sink { get; }

    public LogLevel MinimumLevel { get; }

    public string? Handler { get; }

    /// <summary>The request id of the invocation running on the current async flow, if any.</summary>
    public static string? RequestId => CurrentRequestId.Value;

    /// <summary>Marks the current async flow as serving <paramref name="requestId"/> until the scope is disposed.</summary>
    public static InvocationScope BeginInvocation(string requestId)
    {
        var previous = CurrentRequestId.Value;
        CurrentRequestId.Value = requestId;
        return new InvocationScope(previous);
    }

    public JsonLogger ForHandler(string handler) => new(Sink, time, MinimumLevel, handler);

    public bool IsEnabled(LogLevel level) => level >= MinimumLevel;

    public void Debug(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Debug, message, fields);

    public void Info(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Info, message, fields);

    public void Warn(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Warn, message, fields);

    public void Error(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Error, message, fields);

    public void Log(LogLevel level, string message, params ReadOnlySpan<LogField> fields)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", FormatTimestamp(time.GetUtcNow()));
            writer.WriteString("level", LogLevels.Name(level));
            writer.WriteString("message", message);
            writer.WriteString("requestId", CurrentRequestId.Value);
            writer.WriteString("handler", Handler);
            foreach (var field in fields)
            {
                writer.WritePropertyName(Reserved.Contains(field.Name) ? "field_" + field.Name : field.Name);
                WriteValue(writer, field.Value);
            }

            writer.WriteEndObject();
        }

        Sink.WriteLine(buffer.WrittenSpan);
    }

    /// <summary>ISO-8601 UTC with milliseconds, e.g. 2025-05-08T10:15:30.123Z.</summary>
    public static string FormatTimestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case TimeSpan t:
                writer.WriteNumberValue(Math.Round(t.TotalMilliseconds, 3));
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(FormatTimestamp(instant));
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>Restores the previous request id of the async flow when disposed.</summary>
    internal readonly struct InvocationScope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentRequestId.Value = previous;
    }
}
