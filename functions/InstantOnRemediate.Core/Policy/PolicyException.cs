namespace InstantOnRemediate.Core.Policy;

/// <summary>A policy document that cannot be used; the message names every offending field.</summary>
public sealed class PolicyException : Exception
{
    public PolicyException()
    {
    }

    public PolicyException(string message)
        : base(message)
    {
    }

    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PolicyException(string source, IReadOnlyList<string> errors)
        : base($"policy {source} is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
