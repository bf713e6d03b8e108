using InstantOnRemediate.Application.Invocation;

namespace InstantOnRemediate.Application.Composition;

/// <summary>
/// The function cannot start with this configuration (unknown handler, bad MODE, missing inventory file...).
/// The host reports it to <c>/runtime/init/error</c> with <see cref="ErrorType"/> and exits; the CLI exits 2.
/// </summary>
internal sealed class FunctionConfigurationException : Exception
{
    public FunctionConfigurationException()
        : this("invalid function configuration")
    {
    }

    public FunctionConfigurationException(string message)
        : this(message, RuntimeError.InvalidConfigurationType)
    {
    }

    public FunctionConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = RuntimeError.InvalidConfigurationType;
    }

    public FunctionConfigurationException(string message, string errorType)
        : base(message)
    {
        ErrorType = errorType;
    }

    /// <summary><c>Runtime.NoSuchHandler</c> or <c>Runtime.InvalidConfiguration</c>.</summary>
    public string ErrorType { get; }
}
