using System.Text.Json;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Turns one CloudWatch message into application text plus its container: plain text (a CRI
/// <c>&lt;time&gt; stdout F </c> prefix is removed), Container Insights / Fluent Bit JSON (<c>log</c> +
/// <c>kubernetes{}</c>), Docker json-file (<c>log</c>, <c>stream</c>, <c>time</c>) and Liberty JSON logging
/// (<c>message</c>). Anything that does not parse is plain text.
/// </summary>
public static partial class LogRecordParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static LogRecord Parse(string message, ContainerRef? streamSource = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fallback = streamSource ?? ContainerRef.Unknown;
        var trimmed = message.AsSpan().TrimStart();
        if (trimmed.Length > 1 && trimmed[0] == '{' && TryParseJson(message, fallback, out var record))
        {
            return record;
        }

        return new LogRecord(StripCriPrefix(message), fallback, null);
    }

    /// <summary>Removes the CRI log-file prefix (<c>2024-05-08T10:00:00.1Z stderr F </c>) when a line carries it.</summary>
    public static string StripCriPrefix(string line)
    {
        if (line.Length < 24 || !char.IsAsciiDigit(line[0]) || line[4] != '-')
        {
            return line;
        }

        var m = CriPrefix().Match(line);
        return m.Success ? line[m.Length..] : line;
    }

    private static bool TryParseJson(string message, ContainerRef fallback, out LogRecord record)
    {
        record = null!;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, or a lone UTF-16 surrogate that cannot be transcoded to UTF-8: such a line is plain text.
            return false;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var text = StringOf(root, "log") ?? StringOf(root, "message") ?? StringOf(root, "msg");
            if (text is null)
            {
                return false;
            }

            var source = fallback;
            if (root.TryGetProperty("kubernetes", out var k8s) && k8s.ValueKind == JsonValueKind.Object)
            {
                source = new ContainerRef(
                    StringOf(k8s, "pod_name"),
                    StringOf(k8s, "namespace_name"),
                    StringOf(k8s, "container_name"),
                    StringOf(k8s, "host"),
                    StringOf(k8s, "container_image")).WithFallback(fallback);
            }

            record = new LogRecord(text, source, StringOf(root, "stream"));
            return true;
        }
    }

    private static string? StringOf(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:?\d\d) (?:stdout|stderr) [FP] ", RegexOptions.CultureInvariant)]
    private static partial Regex CriPrefix();
}
