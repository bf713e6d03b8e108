using System.Text.Json.Serialization;
using InstantOnRemediate.Lambda.Handlers;
using InstantOnRemediate.Lambda.Hosting;

namespace InstantOnRemediate.Lambda.Json;

/// <summary>
/// The one source-generated JSON context of the Lambda assembly: handler responses and Runtime API error bodies.
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
