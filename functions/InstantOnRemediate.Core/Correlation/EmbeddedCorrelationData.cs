namespace InstantOnRemediate.Core.Correlation;

/// <summary>Reads the correlation data files embedded in the core assembly (Data/*.json).</summary>
internal static class EmbeddedCorrelationData
{
    public const string KernelFeatures = "kernel-features.json";
    public const string AmiCatalog = "ami-catalog.json";

    public static string Read(string fileName)
    {
        var name = "InstantOnRemediate.Data." + fileName;
        using var stream = typeof(EmbeddedCorrelationData).Assembly.GetManifestResourceStream(name)
            ?? throw new CorrelationDataException($"embedded data file {fileName} is missing from {typeof(EmbeddedCorrelationData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<string> Names() =>
        [.. typeof(EmbeddedCorrelationData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("InstantOnRemediate.Data.", StringComparison.Ordinal))
            .Select(n => n["InstantOnRemediate.Data.".Length..])];
}
