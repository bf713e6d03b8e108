using System.Text.Json.Serialization;
using InstantOnRemediate.Aws.Json;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// The EventBridge wire format (PascalCase members as in events/2015-10-07, absent members omitted, epoch-second
/// timestamps). Its own context rather than a line in <see cref="AwsJsonContext"/> because the model's member
/// names are PascalCase where the other hand-written clients' are camelCase; explicit names keep it exact.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
