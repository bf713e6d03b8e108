using System.Text.Json;
using InstantOnRemediate.Application.Invocation;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>Parses an event as a JSON object, or says precisely why it is not one (<see cref="InvalidRequestException"/>).</summary>
internal static class JsonEvent
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <param name="payload">The raw event.</param>
    /// <param name="handler">Handler name, to start the messages with.</param>
    /// <param name="expected">What a valid event looks like, in words.</param>
    /// <param name="payload">The event bytes.</param>
    /// <param name="handler">Handler name for the messages.</param>
    /// <param name="expected">What the event should look like, for the messages.</param>
    /// <param name="requireUtf8">Refuse invalid UTF-8 anywhere up front (a caller that names the offending member itself passes false).</param>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> payload, string handler, string expected, bool requireUtf8 = true)
    {
        if (payload.IsEmpty)
        {
            throw new InvalidRequestException($"{handler}: the event is empty; expected {expected}");
        }

        if (requireUtf8 && !System.Text.Unicode.Utf8.IsValid(payload.Span))
        {
            throw new InvalidRequestException($"{handler}: the event is not valid UTF-8; expected {expected}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidRequestException($"{handler}: the event is not valid JSON ({e.Message}); expected {expected}", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = KindName(document.RootElement.ValueKind);
            document.Dispose();
            throw new InvalidRequestException($"{handler}: the event is a JSON {kind}, not an object; expected {expected}");
        }

        return document;
    }

    /// <summary>How a JSON value kind reads in a message: "array", "string", "number", ...</summary>
    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        _ => "value",
    };

    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
