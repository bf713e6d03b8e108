namespace InstantOnRemediate.Lambda.Hosting;

/// <summary>
/// The Runtime API failed (5xx, connection refused or reset, malformed answer). Not recoverable inside the
/// sandbox: the host exits and Lambda starts a new one.
/// </summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
