using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Actions;

/// <summary>
/// The one reader of an action's parameters, for plans, approvals and <c>action#&lt;id&gt;</c> rows alike. It reads
/// the typed record of the action's kind, and also the string dictionary earlier versions wrote (lists comma-joined,
/// numbers and flags as text, labels <c>k=v,...</c>, taints <c>k=v:EFFECT,...</c>): a text value where the record
/// has another type is converted by that type, so old and new rows land in the same record. What cannot be read
/// stays <see cref="UnreadParameters"/> with the reason, which the kind's validation reports: a damaged row is an
/// action that is not carried out, never a crash.
/// </summary>
public static class ActionParametersReader
{
    public static ActionParameters Read(string? type, JsonElement json)
    {
        if (ActionKinds.Find(type) is not { } kind)
        {
            return new UnreadParameters(json.Clone(), $"unknown action type '{type}'");
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return new UnreadParameters(json.Clone(), $"the parameters of {kind.Name} are not a JSON object");
        }

        var info = ActionKinds.ParametersJson(kind.ParametersType);
        try
        {
            var upgraded = JsonNode.Parse(json.GetRawText())!.AsObject();
            foreach (var property in info.Properties)
            {
                if (upgraded[property.Name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    var text = value.GetValue<string>();
                    upgraded.Remove(property.Name);
                    if (FromText(property.PropertyType, text, property.Name) is { } typed)
                    {
                        upgraded[property.Name] = typed;
                    }
                }
            }

            return JsonSerializer.Deserialize(upgraded, info) as ActionParameters
                ?? new UnreadParameters(json.Clone(), $"the parameters of {kind.Name} are empty");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return new UnreadParameters(json.Clone(), $"the parameters of {kind.Name} cannot be read: {e.Message}");
        }
    }

    /// <summary>A value written as text in the old dictionary, as the type the record has for it; null when absent ("").</summary>
    private static JsonNode? FromText(Type type, string text, string name)
    {
        if (type == typeof(string))
        {
            return JsonValue.Create(text);
        }

        if (text.Length == 0 && type != typeof(IReadOnlyList<string>) && type != typeof(IReadOnlyDictionary<string, string>) && type != typeof(IReadOnlyList<NodegroupTaint>))
        {
            return null;
        }

        if (type == typeof(int) || type == typeof(int?))
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? JsonValue.Create(n) : throw new FormatException($"{name} '{text}' is not a whole number");
        }

        if (type == typeof(bool) || type == typeof(bool?))
        {
            return text switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw new FormatException($"{name} '{text}' is not true or false"),
            };
        }

        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (type == typeof(IReadOnlyList<string>))
        {
            return new JsonArray([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);
        }

        if (type == typeof(IReadOnlyDictionary<string, string>))
        {
            var map = new JsonObject();
            foreach (var pair in items)
            {
                var cut = pair.IndexOf('=', StringComparison.Ordinal);
                map[cut > 0 ? pair[..cut] : throw new FormatException($"{name} '{pair}' is not key=value")] = pair[(cut + 1)..];
            }

            return map;
        }

        if (type == typeof(IReadOnlyList<NodegroupTaint>))
        {
            return new JsonArray([.. items.Select(t =>
            {
                var colon = t.LastIndexOf(':');
                var kv = colon > 0 ? t[..colon] : t;
                var eq = kv.IndexOf('=', StringComparison.Ordinal);
                return (JsonNode)new JsonObject
                {
                    ["key"] = eq > 0 ? kv[..eq] : kv,
                    ["value"] = eq > 0 ? kv[(eq + 1)..] : null,
                    ["effect"] = colon > 0 ? t[(colon + 1)..] : throw new FormatException($"{name} '{t}' is not key=value:EFFECT"),
                };
            })]);
        }

        throw new FormatException($"{name}: no reading of text as {type.Name}");
    }
}
