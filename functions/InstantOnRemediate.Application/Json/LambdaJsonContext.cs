using System.Text.Json.Serialization;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Invocation;

namespace InstantOnRemediate.Application.Json;

/// <summary>
/// The one source-generated JSON context of the functions (application layer): handler responses and Runtime API error bodies.
/// Compact output (responses travel over the Runtime API); nulls are written so the response shape is stable.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(RuntimeError))]
[JsonSerializable(typeof(DetectResponse))]
[JsonSerializable(typeof(InstantOnRemediate.Core.Alerts.Alert))]
[JsonSerializable(typeof(RunbookResponse))]
[JsonSerializable(typeof(ReconcileResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
