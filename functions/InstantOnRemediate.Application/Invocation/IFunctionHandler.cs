namespace InstantOnRemediate.Application.Invocation;

/// <summary>
/// One Lambda function of the service (detect, runbook, reconcile). Takes the raw event bytes and returns the
/// UTF-8 JSON response. Throws <see cref="InvalidRequestException"/> for a request it cannot accept; any other
/// exception is an internal failure reported to the Runtime API.
/// </summary>
public interface IFunctionHandler
{
    string Name { get; }

    Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken);
}
