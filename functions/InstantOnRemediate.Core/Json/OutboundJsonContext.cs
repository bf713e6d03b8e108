using System.Text.Json.Serialization;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Core.Notifications;

namespace InstantOnRemediate.Core.Json;

/// <summary>
/// What the service sends to other systems: EventBridge event details, the central view, the Chatbot custom
/// notification and the machine alert document. camelCase, nulls omitted, compact — unlike
/// <see cref="CoreJsonContext"/>, which writes nulls and indents for the CLI and golden files — because these
/// travel in 256 KB EventBridge entries and SNS messages and their schemas make absent fields optional.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RemediationEventDetail))]
[JsonSerializable(typeof(List<RemediationEventDetail>))]
[JsonSerializable(typeof(CentralEventRecord))]
[JsonSerializable(typeof(FleetView))]
[JsonSerializable(typeof(ChatbotNotification))]
[JsonSerializable(typeof(AlertDocument))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class OutboundJsonContext : JsonSerializerContext;
