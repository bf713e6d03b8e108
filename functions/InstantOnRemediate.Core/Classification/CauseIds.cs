namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// The cause vocabulary. The signature catalog (<c>Data/signatures.json</c>, <c>causes</c>) defines it: adding a
/// cause is a data edit plus its wording. The constants here are the causes the code itself names.
/// <see cref="Unknown"/>: a failure without an identifying line; <see cref="None"/>: no failure.
/// </summary>
public static class CauseIds
{
    public const string RseqPtraceUnsupported = "rseq-ptrace-unsupported";
    public const string RseqCriuUnaware = "rseq-criu-unaware";
    public const string Unknown = "unknown";
    public const string None = "none";

    /// <summary>Every cause id of the embedded catalog, in catalog order (<c>unknown</c> included, <c>none</c> not).</summary>
    public static IReadOnlyList<string> All => SignatureCatalog.LoadEmbedded().CauseIds;

    /// <summary>Causes the code refers to by name: a catalog must define them.</summary>
    internal static readonly IReadOnlyList<string> RequiredByCode = [RseqPtraceUnsupported, RseqCriuUnaware, Unknown];
}
