using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace InstantOnRemediate.Core.Tests.Ingest;

/// <summary>Builds subscription envelopes the way CloudWatch Logs does: base64(gzip(json)).</summary>
internal static class Envelopes
{
    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }

    public static byte[] Wrap(byte[] compressed) =>
        Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(compressed) + "\"}}");

    public static byte[] FromPayload(string payloadJson) => Wrap(Gzip(Encoding.UTF8.GetBytes(payloadJson)));

    public static byte[] FromPayloadBytes(byte[] payload) => Wrap(Gzip(payload));

    /// <summary>A DATA_MESSAGE payload with the given events (id, timestamp, message as raw JSON values).</summary>
    public static string Payload(params string[] eventObjects) =>
        "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/aws/containerinsights/prod/application\"," +
        "\"logStream\":\"node-1-application.var.log.containers.pod-1_ns_app-" + new string('a', 64) + ".log\"," +
        "\"subscriptionFilters\":[\"f\"],\"logEvents\":[" + string.Join(',', eventObjects) + "]}";

    public static string Event(string id, long timestamp, string message) =>
        "{\"id\":" + JsonSerializer.Serialize(id) + ",\"timestamp\":" + timestamp + ",\"message\":" + JsonSerializer.Serialize(message) + "}";

    public static string EventId(int n) => n.ToString("D56", System.Globalization.CultureInfo.InvariantCulture);
}
