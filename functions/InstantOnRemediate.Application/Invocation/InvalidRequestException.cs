namespace InstantOnRemediate.Application.Invocation;

/// <summary>The event itself is unacceptable (bad JSON, missing or invalid fields). Reported as errorType InvalidRequest.</summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException()
    {
    }

    public InvalidRequestException(string message)
        : base(message)
    {
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
