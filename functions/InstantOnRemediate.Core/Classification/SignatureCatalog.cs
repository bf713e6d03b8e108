using System.Text.Json;
using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Classification.Catalog;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// The versioned knowledge of what restore/checkpoint failures look like (embedded <c>Data/signatures.json</c>),
/// validated when loaded and compiled into a <see cref="LineMatcher"/>.
/// </summary>
public sealed class SignatureCatalog
{
    /// <summary>
    /// Catalog regexes run on the backtracking interpreter (construction is cheap, which keeps cold starts short) and
    /// only on the first <see cref="MaxRegexInputChars"/> characters of a candidate line, which bounds their cost.
    /// </summary>
    internal const RegexOptions PatternOptions = RegexOptions.CultureInvariant;

    internal const int MaxRegexInputChars = 4096;
    private const string ResourceName = "InstantOnRemediate.Data.signatures.json";
    private static readonly Lazy<SignatureCatalog> Embedded = new(LoadEmbeddedUncached);

    private readonly Dictionary<string, CauseDefinition> causes;

    private SignatureCatalog(CatalogDocument document, IReadOnlyList<CatalogPattern> patterns)
    {
        Document = document;
        causes = document.Causes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        CauseIds = [.. document.Causes.Select(c => c.Id)];
        Structure = new StructuralRules(document);
        Matcher = new LineMatcher(patterns);
        MessageFilter = message => !Matcher.CannotHoldLiteralWhenDecoded(message);
    }

    public string Version => Document.Version;

    public CatalogDocument Document { get; }

    internal LineMatcher Matcher { get; }

    internal StructuralRules Structure { get; }

    /// <summary>The cause ids this catalog defines, in catalog order.</summary>
    public IReadOnlyList<string> CauseIds { get; }

    /// <summary>
    /// Keeps the messages that may hold a catalog literal once decoded, the same test <see cref="RestoreDetector"/>
    /// applies: a batch decoded with it carries text only for the events detection parses.
    /// </summary>
    public MessageFilter MessageFilter { get; }

    /// <summary>The catalog shipped in this assembly; loaded and validated once.</summary>
    public static SignatureCatalog LoadEmbedded() => Embedded.Value;

    /// <exception cref="CatalogValidationException">The stream is not a valid catalog; the message names the entry.</exception>
    public static SignatureCatalog Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(stream, CoreJsonContext.Default.CatalogDocument);
        }
        catch (JsonException e)
        {
            throw new CatalogValidationException($"signature catalog: not a valid catalog document at {e.Path ?? "$"}: {e.Message}", e);
        }

        if (document is null)
        {
            throw new CatalogValidationException("signature catalog: the document is null");
        }

        var patterns = CatalogValidator.Validate(document);
        return new SignatureCatalog(document, patterns);
    }

    public CauseDefinition? Cause(string id) => causes.GetValueOrDefault(id);

    private static SignatureCatalog LoadEmbeddedUncached()
    {
        using var stream = typeof(SignatureCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogValidationException($"signature catalog: embedded resource {ResourceName} is missing");
        return Load(stream);
    }
}
