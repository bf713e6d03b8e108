namespace InstantOnRemediate.Application.Invocation;

/// <summary>
/// Runs one invocation the way the Lambda host does, for the Runtime API loop and the local runner alike:
/// a handler exception becomes a <see cref="RuntimeError"/>, and a response over the synchronous payload limit
/// becomes a <c>Runtime.ResponseTooLarge</c> error instead of being sent.
/// </summary>
internal static class InvocationRunner
{
    /// <summary>Lambda's synchronous response limit: 6 MB.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    public static async Task<InvocationResult> RunAsync(
        IFunctionHandler handler, ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        byte[] response;
        try
        {
            response = await handler.HandleAsync(payload, context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The runtime boundary: every handler failure is reported to Lambda, none hidden.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return InvocationResult.Failure(RuntimeError.FromException(e), e);
        }

        if (response is null)
        {
            return InvocationResult.Failure(new RuntimeError($"handler '{handler.Name}' returned no response", "Runtime.NullResponse", []));
        }

        return response.Length > MaxResponseBytes
            ? InvocationResult.Failure(RuntimeError.ResponseTooLarge(response.Length, MaxResponseBytes))
            : InvocationResult.Success(response);
    }
}
