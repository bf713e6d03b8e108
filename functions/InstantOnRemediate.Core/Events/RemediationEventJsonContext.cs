using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Events;

/// <summary>
/// The event detail's wire shape (camelCase, nulls omitted, compact). Separate from CoreJsonContext, which writes
/// nulls and indents for the CLI and golden files; the detail travels in a 256 KB EventBridge entry.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RemediationEventDetail))]
[JsonSerializable(typeof(CentralEventRecord))]
[JsonSerializable(typeof(List<RemediationEventDetail>))]
[JsonSerializable(typeof(FleetView))]
internal sealed partial class RemediationEventJsonContext : JsonSerializerContext;
