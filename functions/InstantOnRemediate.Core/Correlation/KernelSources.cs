namespace InstantOnRemediate.Core.Correlation;

/// <summary>Where a kernel answer came from, most trusted first (DESIGN §5).</summary>
public static class KernelSources
{
    public const string SsmProbe = "ssm-probe";
    public const string CriuLog = "criu-log";
    public const string AmiCatalog = "ami-catalog";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> ByTrust = [SsmProbe, CriuLog, AmiCatalog, Unknown];

    /// <summary>3 for ssm-probe … 0 for unknown.</summary>
    public static int Trust(string? source) => source switch
    {
        SsmProbe => 3,
        CriuLog => 2,
        AmiCatalog => 1,
        _ => 0,
    };
}
