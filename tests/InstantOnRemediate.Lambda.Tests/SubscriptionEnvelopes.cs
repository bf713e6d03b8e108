using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace InstantOnRemediate.Lambda.Tests;

/// <summary>Builds real CloudWatch Logs subscription events: JSON payload → gzip → base64 in awslogs.data.</summary>
internal static class SubscriptionEnvelopes
{
    public const string LogGroup = "/aws/containerinsights/prod-eks/application";

    public static string Create(params string[] messages)
    {
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("messageType", "DATA_MESSAGE");
            writer.WriteString("owner", "123456789012");
            writer.WriteString("logGroup", LogGroup);
            writer.WriteString("logStream", "orders-liberty-7d9f8c6b5-x2x9q_orders_app");
            writer.WriteStartArray("subscriptionFilters");
            writer.WriteStringValue("instanton-restore-failures");
            writer.WriteEndArray();
            writer.WriteStartArray("logEvents");
            for (var i = 0; i < messages.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", "3718265930174452011034687720599014532811467206128" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteNumber("timestamp", 1_715_162_130_000L + i);
                writer.WriteString("message", messages[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Wrap(payload.ToArray());
    }

    /// <summary>The subscription event, as UTF-8 bytes, that carries <paramref name="decoded"/> (a decoded payload, e.g. a shipped *.decoded.json).</summary>
    public static byte[] Envelope(System.Text.Json.Nodes.JsonObject decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        return Utf8(Wrap(Encoding.UTF8.GetBytes(decoded.ToJsonString())));
    }

    private static string Wrap(byte[] payload)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        var data = Convert.ToBase64String(compressed.ToArray());
        return "{\"awslogs\":{\"data\":\"" + data + "\"}}";
    }

    public static string RestoreFailure() => Create(
        "[AUDIT   ] CWWKE0961I: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored. Launching the server without using the checkpoint image.");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
