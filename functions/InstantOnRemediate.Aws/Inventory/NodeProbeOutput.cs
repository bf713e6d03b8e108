using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// The probe's fixed script and the parser of its output (<c>kernel=…</c>, <c>get_rseq_conf=supported|unsupported|no-criu</c>).
/// Nothing in the script comes from logs; output is validated before use.
/// </summary>
internal static class NodeProbeOutput
{
    /// <summary>The command list sent with AWS-RunShellScript. Fixed: reviewed once, never built from input.</summary>
    public static readonly IReadOnlyList<string> Commands =
    [
        "echo \"kernel=$(uname -r)\"",
        "if command -v criu >/dev/null 2>&1; then if criu check --feature get_rseq_conf >/dev/null 2>&1; then echo get_rseq_conf=supported; else echo get_rseq_conf=unsupported; fi; else echo get_rseq_conf=no-criu; fi",
    ];

    /// <summary>Reads the probe's standard output; unknown or malformed lines are ignored.</summary>
    public static (string? Kernel, IReadOnlyDictionary<string, bool> Features) Parse(string? stdout, KernelFeatureMatrix matrix)
    {
        string? kernel = null;
        var features = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var raw in (stdout ?? "").Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq];
            var value = line[(eq + 1)..];
            if (key == "kernel")
            {
                kernel = KernelVersion.TryParse(value, out var v) ? v.Raw : null;
                continue;
            }

            var feature = matrix.Features.FirstOrDefault(f => f.CriuCheckFeature == key);
            if (feature is not null && value is "supported" or "unsupported")
            {
                features[feature.Id] = value == "supported";
            }
        }

        return (kernel, features);
    }
}
