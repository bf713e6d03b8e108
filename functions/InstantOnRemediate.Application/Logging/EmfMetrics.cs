using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InstantOnRemediate.Application.Logging;

/// <summary>
/// CloudWatch Embedded Metric Format: each call writes one JSON line that CloudWatch Logs turns into metrics,
/// <code>
/// {"_aws":{"Timestamp":1715162130123,"CloudWatchMetrics":[{"Namespace":"InstantOnRemediate",
///   "Dimensions":[["Handler","Cause"]],"Metrics":[{"Name":"RestoreFailures","Unit":"Count"}]}]},
///  "Handler":"detect","Cause":"rseq-ptrace-unsupported","RestoreFailures":3}
/// </code>
/// Used for failures by cause and actions by type. Names and dimension values are checked (printable ASCII,
/// 1..255 characters) so text taken from logs can never produce a malformed or oversized metric.
/// </summary>
internal sealed class EmfMetrics
{
    public const string DefaultNamespace = "InstantOnRemediate";

    /// <summary>EMF limits: dimensions per set and metrics per record.</summary>
    public const int MaxDimensions = 30;

    public const int MaxMetrics = 100;

    private const int MaxNameLength = 255;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LogSink sink;
    private readonly TimeProvider time;

    public EmfMetrics(LogSink sink, TimeProvider time, string metricNamespace = DefaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        CheckName(metricNamespace, "namespace");
        this.sink = sink;
        this.time = time;
        Namespace = metricNamespace;
    }

    public string Namespace { get; }

    /// <summary>One count with its dimensions, e.g. <c>Count("ActionsPlanned", 1, new("ActionType", "notify"))</c>.</summary>
    public void Count(string metricName, long count, params ReadOnlySpan<MetricDimension> dimensions) =>
        Emit(dimensions, [new MetricDatum(metricName, count)]);

    /// <summary>Writes one EMF record: every metric shares the one dimension set given.</summary>
    public void Emit(ReadOnlySpan<MetricDimension> dimensions, ReadOnlySpan<MetricDatum> metrics)
    {
        if (metrics.IsEmpty || metrics.Length > MaxMetrics)
        {
            throw new ArgumentException($"an EMF record holds 1..{MaxMetrics} metrics (got {metrics.Length})", nameof(metrics));
        }

        if (dimensions.Length > MaxDimensions)
        {
            throw new ArgumentException($"an EMF dimension set holds at most {MaxDimensions} dimensions (got {dimensions.Length})", nameof(dimensions));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in dimensions)
        {
            CheckName(d.Name, "dimension name");
            CheckName(d.Value, "dimension value");
            if (!names.Add(d.Name))
            {
                throw new ArgumentException($"dimension '{d.Name}' appears twice", nameof(dimensions));
            }
        }

        foreach (var m in metrics)
        {
            CheckName(m.Name, "metric name");
            if (!names.Add(m.Name))
            {
                throw new ArgumentException($"metric '{m.Name}' repeats a dimension or metric name", nameof(metrics));
            }

            if (!double.IsFinite(m.Value))
            {
                throw new ArgumentException($"metric '{m.Name}' is not a finite number", nameof(metrics));
            }

            if (!MetricUnits.All.Contains(m.Unit))
            {
                throw new ArgumentException($"metric '{m.Name}' has unknown unit '{m.Unit}'", nameof(metrics));
            }
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            foreach (var d in dimensions)
            {
                writer.WriteStringValue(d.Name);
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var m in metrics)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", m.Name);
                writer.WriteString("Unit", m.Unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            foreach (var d in dimensions)
            {
                writer.WriteString(d.Name, d.Value);
            }

            foreach (var m in metrics)
            {
                writer.WriteNumber(m.Name, m.Value);
            }

            writer.WriteEndObject();
        }

        sink.WriteLine(buffer.WrittenSpan);
    }

    private static void CheckName(string? text, string what)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxNameLength)
        {
            throw new ArgumentException($"EMF {what} must be 1..{MaxNameLength} characters");
        }

        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"EMF {what} must be printable ASCII");
            }
        }

        if (text[0] == ':')
        {
            throw new ArgumentException($"EMF {what} must not start with ':'");
        }
    }
}
