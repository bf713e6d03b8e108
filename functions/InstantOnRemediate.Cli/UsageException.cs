namespace InstantOnRemediate.Cli;

/// <summary>Bad usage or unreadable input: exit 2 with this one-line message on stderr.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
