namespace InstantOnRemediate.Core.Correlation;

/// <summary>The outcome of reading the diagnostics document's output: the diagnostics, or why they are unreadable.</summary>
public sealed record NodeDiagnosticsReading
{
    public NodeDiagnostics? Diagnostics { get; init; }

    /// <summary>Set when <see cref="Diagnostics"/> is null: "probe output unreadable: ..." in words.</summary>
    public string? Problem { get; init; }

    public static NodeDiagnosticsReading Read(NodeDiagnostics diagnostics) => new() { Diagnostics = diagnostics };

    public static NodeDiagnosticsReading Unreadable(string why) => new() { Problem = "probe output unreadable: " + why };
}
