using System.Text.Json;
using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Actions;

/// <summary>
/// Writes parameters as their kind's record; reads them as they are (<see cref="UnreadParameters"/>) because the
/// record to read them into depends on the action's type, which <see cref="Planning.PlanAction"/> resolves once it is
/// read (<see cref="ActionParametersReader"/>).
/// </summary>
public sealed class ActionParametersJsonConverter : JsonConverter<ActionParameters>
{
    public override ActionParameters Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new UnreadParameters(JsonElement.ParseValue(ref reader), "the parameters were not read for the action's type");

    public override void Write(Utf8JsonWriter writer, ActionParameters value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case UnreadParameters unread:
                unread.Json.WriteTo(writer);
                break;
            case NoParameters:
                writer.WriteStartObject();
                writer.WriteEndObject();
                break;
            default:
                JsonSerializer.Serialize(writer, value, ActionKinds.ParametersJson(value.GetType()));
                break;
        }
    }
}
