using System.Text;
using System.Text.Json;

namespace InstantOnRemediate.Aws.Sns;

/// <summary>
/// The <c>Message</c> of a Publish with <c>MessageStructure=json</c>: a JSON object with one string per protocol,
/// <c>default</c> required (SNS uses it for protocols without their own key).
/// </summary>
public static class SnsMessageStructure
{
    public const string Default = "default";

    /// <summary>The message, written with <see cref="Utf8JsonWriter"/> (keys in the given order, strings escaped).</summary>
    public static string Encode(IReadOnlyList<KeyValuePair<string, string>> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        if (!bodies.Any(b => b.Key == Default))
        {
            throw new ArgumentException("a MessageStructure=json message needs a 'default' body", nameof(bodies));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (protocol, body) in bodies)
            {
                writer.WriteString(protocol, body);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Why SNS would refuse <paramref name="message"/> as a json-structured message, or null.</summary>
    public static string? Problem(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "a MessageStructure=json message must be a JSON object";
            }

            var hasDefault = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return $"MessageStructure=json: the '{property.Name}' body must be a string";
                }

                hasDefault |= property.Name == Default;
            }

            return hasDefault ? null : "MessageStructure=json: the message needs a 'default' body";
        }
        catch (JsonException e)
        {
            return "MessageStructure=json: the message is not JSON: " + e.Message;
        }
    }
}
