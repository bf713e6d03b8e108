using System.Text.Json;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Events;

/// <summary>
/// Reads events for the central fold from text: a JSON array or JSON lines, each item an EventBridge envelope
/// (<c>{"id", "detail-type", "source", "account", "region", "time", "detail"}</c>) or a bare detail. Items that
/// are not ours or not readable are skipped with a reason, never fatal.
/// </summary>
public static class CentralEvents
{
    public const int MaxItems = 1_000_000;

    public static (IReadOnlyList<RemediationEventDetail> Details, IReadOnlyList<string> Skipped) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var details = new List<RemediationEventDetail>();
        var skipped = new List<string>();
        var trimmed = text.AsSpan().TrimStart();
        IEnumerable<(int Item, string Json)> items = trimmed.Length > 0 && trimmed[0] == '['
            ? ArrayItems(text)
            : text.Split('\n').Select((line, i) => (i + 1, line.Trim())).Where(l => l.Item2.Length > 0);
        foreach (var (item, json) in items)
        {
            if (details.Count + skipped.Count >= MaxItems)
            {
                skipped.Add($"more than {MaxItems} items: the rest were not read");
                break;
            }

            var (detail, problem) = Read(json);
            if (detail is not null)
            {
                details.Add(detail);
            }
            else
            {
                skipped.Add($"item {item}: {problem}");
            }
        }

        return (details, skipped);
    }

    /// <summary>One envelope or bare detail; the envelope's account and Region win over the detail's.</summary>
    public static (RemediationEventDetail? Detail, string? Problem) Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "not a JSON object");
            }

            if (document.RootElement.TryGetProperty("detail", out _))
            {
                if (document.RootElement.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String
                    && source.GetString() != RemediationEventKinds.Source)
                {
                    return (null, $"source '{source.GetString()}' is not {RemediationEventKinds.Source}");
                }

                var envelope = document.RootElement.Deserialize(OutboundJsonContext.Default.CentralEventRecord);
                return Checked(envelope?.Detail is { } d
                    ? d with { Account = envelope.Account ?? d.Account, Region = envelope.Region ?? d.Region }
                    : null);
            }

            return Checked(document.RootElement.Deserialize(OutboundJsonContext.Default.RemediationEventDetail));
        }
        catch (JsonException e)
        {
            return (null, "unreadable JSON: " + e.Message);
        }
    }

    private static (RemediationEventDetail?, string?) Checked(RemediationEventDetail? detail)
    {
        if (detail is null)
        {
            return (null, "no detail");
        }

        if (detail.SchemaVersion != RemediationEventDetail.CurrentSchemaVersion)
        {
            return (null, $"schemaVersion '{detail.SchemaVersion}' is not {RemediationEventDetail.CurrentSchemaVersion}");
        }

        if (!RemediationEventKinds.All.Contains(detail.Kind))
        {
            return (null, $"unknown kind '{detail.Kind}'");
        }

        return (detail, null);
    }

    private static IEnumerable<(int, string)> ArrayItems(string text)
    {
        using var document = JsonDocument.Parse(text);
        var list = new List<(int, string)>();
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            list.Add((++i, element.GetRawText()));
        }

        return list;
    }
}
