using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>
/// Builds CloudWatch Logs subscription deliveries: payload JSON → gzip → base64 in <c>awslogs.data</c>, with
/// restore-failure episodes written the way Container Insights (Fluent Bit) ships them.
/// </summary>
internal static class Batches
{
    public const string Cluster = "prod-eks";
    public const string LogGroup = "/aws/containerinsights/prod-eks/application";
    public const string LogStream = "ip-192-168-12-34.us-west-2.compute.internal-application.var.log.containers.orders_shop_orders.log";
    public const string Node = "ip-192-168-12-34.us-west-2.compute.internal";

    /// <summary>Epoch ms of 2025-05-08T10:40:00Z, the time of the shipped rseq sample.</summary>
    public const long Start = 1_746_700_800_000;

    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(Start).AddMinutes(5);

    /// <summary>The three lines of a restore killed by signal 11 (the EKS AL2 5.10 rseq case).</summary>
    public static readonly string[] Signal11Restore =
    [
        "CWWKE0964E: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored. The server did not launch because checkpoint restore recovery is disabled.",
        "Error (criu/cr-restore.c:1492): 133 killed by signal 11: Segmentation fault",
        "Error (criu/cr-restore.c:2447): Restoring FAILED.",
    ];

    /// <summary>A Container Insights line: the application text in <c>log</c>, the pod in <c>kubernetes{}</c>.</summary>
    public static string ContainerInsights(string log, string pod, string ns = "shop", string node = Node, string container = "orders")
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("stream", "stdout");
            writer.WriteString("log", log);
            writer.WriteStartObject("kubernetes");
            writer.WriteString("pod_name", pod);
            writer.WriteString("namespace_name", ns);
            writer.WriteString("host", node);
            writer.WriteString("container_name", container);
            writer.WriteString("container_image", "icr.io/appcafe/open-liberty:25.0.0.3-full-java17-openj9-ubi-minimal");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Like <see cref="ContainerInsights"/> but escaped by hand, so any UTF-16 text (lone surrogates too) goes on the wire.</summary>
    public static string ContainerInsightsRaw(string log, string pod, string ns = "shop", string node = Node) =>
        "{\"stream\":\"stdout\",\"log\":" + JsonText.Quote(log) + ",\"kubernetes\":{\"pod_name\":" + JsonText.Quote(pod) + ",\"namespace_name\":" + JsonText.Quote(ns) +
        ",\"host\":" + JsonText.Quote(node) + ",\"container_name\":\"orders\"}}";

    /// <summary>One signal-11 restore failure of <paramref name="pod"/>, as events with ids unique to (<paramref name="idBase"/>, line).</summary>
    public static IEnumerable<LogEvent> Episode(long idBase, long timestamp, string pod, string ns = "shop", string node = Node, string container = "orders") =>
        Signal11Restore.Select((line, i) => new LogEvent(EventId(idBase * 10 + i), timestamp + i, ContainerInsights(line, pod, ns, node, container)));

    /// <summary>A 56-digit id like CloudWatch's.</summary>
    public static string EventId(long n) => "3890000000000000000000000000000000000" + n.ToString("D19", CultureInfo.InvariantCulture);

    public static byte[] Payload(IEnumerable<LogEvent> events, string logGroup = LogGroup, string logStream = LogStream, string messageType = "DATA_MESSAGE")
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageType", messageType);
            writer.WriteString("owner", "123456789012");
            writer.WriteString("logGroup", logGroup);
            writer.WriteString("logStream", logStream);
            writer.WriteStartArray("subscriptionFilters");
            writer.WriteStringValue("instanton-restore-failures");
            writer.WriteEndArray();
            writer.WriteStartArray("logEvents");
            foreach (var e in events)
            {
                writer.WriteStartObject();
                writer.WriteString("id", e.Id);
                writer.WriteNumber("timestamp", e.Timestamp);
                writer.WriteString("message", e.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A payload whose logEvents array is exactly <paramref name="rawEvents"/> (JSON text written as is), after the good episode.</summary>
    public static byte[] PayloadWithRawEvents(IEnumerable<LogEvent> good, params byte[][] rawEvents)
    {
        var json = Payload(good);
        var text = json.AsSpan();
        var close = text.LastIndexOf("]}"u8);
        using var buffer = new MemoryStream();
        buffer.Write(text[..close]);
        foreach (var raw in rawEvents)
        {
            buffer.WriteByte((byte)',');
            buffer.Write(raw);
        }

        buffer.Write("]}"u8);
        return buffer.ToArray();
    }

    public static byte[] Envelope(byte[] payloadJson) => EnvelopeOfData(Convert.ToBase64String(Gzip(payloadJson)));

    public static byte[] Envelope(IEnumerable<LogEvent> events, string logGroup = LogGroup) => Envelope(Payload(events, logGroup));

    public static byte[] EnvelopeOfData(string data) => Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + data + "\"}}");

    public static byte[] Gzip(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    /// <summary>gzip of <paramref name="count"/> zero bytes, compressed as it is written (1 MiB at a time): the input never sits in memory.</summary>
    public static byte[] GzipOfZeros(long count)
    {
        var chunk = new byte[1 << 20];
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var left = count; left > 0; left -= chunk.Length)
            {
                gzip.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }

        return compressed.ToArray();
    }
}
