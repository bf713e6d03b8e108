namespace InstantOnRemediate.Core.Classification;

/// <summary>The signature catalog is unusable; the message names the entry (e.g. <c>signatures[3] 'file-bad-size'</c>).</summary>
public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException()
    {
    }

    public CatalogValidationException(string message)
        : base(message)
    {
    }

    public CatalogValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
