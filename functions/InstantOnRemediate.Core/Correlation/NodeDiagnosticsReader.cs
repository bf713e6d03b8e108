using System.Text.Json;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Reads the one JSON document the diagnostics document prints (<see cref="NodeDiagnostics.Schema"/>). Defensive: the
/// output is bounded in size and depth, every value is checked against what the document can print (kernel release,
/// small enumerations, known feature ids), and anything else is an "unreadable" reading — never an exception.
/// </summary>
public static class NodeDiagnosticsReader
{
    /// <summary>The document prints at most 8 KiB; GetCommandInvocation returns at most 24,000 characters.</summary>
    public const int MaxLength = 16 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 6 };

    public static NodeDiagnosticsReading Read(string? stdout, KernelFeatureMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var text = (stdout ?? "").Trim();
        if (text.Length == 0)
        {
            return NodeDiagnosticsReading.Unreadable("the document printed nothing");
        }

        if (text.Length > MaxLength)
        {
            return NodeDiagnosticsReading.Unreadable($"{text.Length} characters, more than the {MaxLength} the document can print");
        }

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Read(document.RootElement, matrix);
        }
        catch (JsonException e)
        {
            return NodeDiagnosticsReading.Unreadable($"not one JSON document ({FirstLine(e.Message)})");
        }
    }

    private static NodeDiagnosticsReading Read(JsonElement root, KernelFeatureMatrix matrix)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NodeDiagnosticsReading.Unreadable("not a JSON object");
        }

        if (Text(root, "schema") != NodeDiagnostics.Schema)
        {
            return NodeDiagnosticsReading.Unreadable($"schema is not {NodeDiagnostics.Schema}");
        }

        if (!KernelVersion.TryParse(Text(root, "kernel"), out var kernel))
        {
            return NodeDiagnosticsReading.Unreadable("no kernel release");
        }

        var features = new Dictionary<string, ReportedFeature>(StringComparer.Ordinal);
        if (root.TryGetProperty("features", out var reported) && reported.ValueKind == JsonValueKind.Object)
        {
            foreach (var feature in reported.EnumerateObject())
            {
                if (matrix.Features.Any(f => f.Id == feature.Name) && feature.Value.ValueKind == JsonValueKind.Object
                    && Text(feature.Value, "by") is { } by && FeatureProbes.All.Contains(by))
                {
                    features[feature.Name] = new ReportedFeature(Bool(feature.Value, "supported"), by);
                }
            }
        }

        var scope = Text(Child(root, "yama"), "ptraceScope");
        return NodeDiagnosticsReading.Read(new NodeDiagnostics
        {
            Kernel = kernel.Raw,
            Machine = OneOf(Text(root, "machine"), "x86_64", "aarch64"),
            YamaPtraceScope = scope is "0" or "1" or "2" or "3" ? scope[0] - '0' : null,
            SeLinux = OneOf(Text(Child(root, "lsm"), "selinux"), "enforcing", "permissive", "disabled", "unknown"),
            AppArmor = OneOf(Text(Child(root, "lsm"), "apparmor"), "enabled", "disabled", "absent"),
            SeccompFilter = Bool(Child(root, "seccomp"), "filter"),
            CapLastCap = Child(root, "capabilities") is { ValueKind: JsonValueKind.Object } caps && caps.TryGetProperty("lastCap", out var last)
                && last.ValueKind == JsonValueKind.Number && last.TryGetInt32(out var n) && n is >= 0 and < 1024 ? n : null,
            Cgroup = OneOf(Text(root, "cgroup"), "v1", "v2", "unknown"),
            CriuPath = Text(Child(root, "criu"), "path") is { } path && path.StartsWith('/') && path.Length <= 96 ? path : null,
            CriuWhere = OneOf(Text(Child(root, "criu"), "where"), "node", "container"),
            CriuVersion = Text(Child(root, "criu"), "version") is { Length: <= 32 } version ? version : null,
            Features = features,
        });
    }

    private static JsonElement? Child(JsonElement element, string name) =>
        element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    private static string? OneOf(string? value, params string[] allowed) => value is not null && allowed.Contains(value) ? value : null;

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
