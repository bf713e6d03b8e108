using System.Text.Json.Serialization;

namespace InstantOnRemediate.Application.Invocation;

/// <summary>
/// The body of <c>/invocation/{id}/error</c> and <c>/init/error</c> (<c>application/vnd.aws.lambda.error+json</c>),
/// also what the local runner prints for a failed invocation.
/// </summary>
internal sealed record RuntimeError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public const string InvalidRequestType = "InvalidRequest";
    public const string ResponseTooLargeType = "Runtime.ResponseTooLarge";
    public const string NoSuchHandlerType = "Runtime.NoSuchHandler";
    public const string InvalidConfigurationType = "Runtime.InvalidConfiguration";

    /// <summary>
    /// A handler failure: <see cref="InvalidRequestException"/> → <c>InvalidRequest</c> (no stack trace: the caller's
    /// event is at fault); anything else → the exception's type name with its stack trace.
    /// </summary>
    public static RuntimeError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is InvalidRequestException)
        {
            return new RuntimeError(exception.Message, InvalidRequestType, []);
        }

        var trace = exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new RuntimeError(exception.Message, exception.GetType().Name, trace);
    }

    public static RuntimeError ResponseTooLarge(long size, long limit) => new(
        $"The response is {size} bytes, over the {limit}-byte limit of a synchronous Lambda response.",
        ResponseTooLargeType,
        []);

    /// <summary>The error type as a header value: only letters, digits, '.', '_' and '-' survive.</summary>
    public string HeaderErrorType()
    {
        Span<char> buffer = stackalloc char[Math.Min(ErrorType.Length, 128)];
        var n = 0;
        foreach (var c in ErrorType.AsSpan(0, buffer.Length))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                buffer[n++] = c;
            }
        }

        return n == 0 ? "Unhandled" : new string(buffer[..n]);
    }
}
