namespace InstantOnRemediate.Application.Invocation;

/// <summary>What one invocation produced: the response bytes, or the error to report (and the exception behind it).</summary>
internal sealed record InvocationResult
{
    private InvocationResult(byte[]? response, RuntimeError? error, Exception? exception)
    {
        Response = response;
        Error = error;
        Exception = exception;
    }

    public byte[]? Response { get; }

    public RuntimeError? Error { get; }

    public Exception? Exception { get; }

    public bool Succeeded => Response is not null;

    public static InvocationResult Success(byte[] response) => new(response, null, null);

    public static InvocationResult Failure(RuntimeError error, Exception? exception = null) => new(null, error, exception);
}
