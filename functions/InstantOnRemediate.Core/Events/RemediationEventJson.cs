using System.Text.Json;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Events;

/// <summary>The detail and the central view as JSON text (source-generated, AOT-safe).</summary>
public static class RemediationEventJson
{
    public static string Detail(RemediationEventDetail detail) =>
        JsonSerializer.Serialize(detail, OutboundJsonContext.Default.RemediationEventDetail);

    public static RemediationEventDetail? ParseDetail(string json) =>
        JsonSerializer.Deserialize(json, OutboundJsonContext.Default.RemediationEventDetail);

    public static string Fleet(FleetView view) =>
        JsonSerializer.Serialize(view, OutboundJsonContext.Default.FleetView);
}
