namespace InstantOnRemediate.Application.Invocation;

/// <summary>Part of the work failed for a reason that a retry can fix; reported as an error so Lambda retries the event.</summary>
public sealed class TransientFailureException : Exception
{
    public TransientFailureException()
    {
    }

    public TransientFailureException(string message)
        : base(message)
    {
    }

    public TransientFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
