using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Lambda.Hosting;

/// <summary>
/// The Runtime API loop: next → handler → response or error, forever. A handler failure is reported and the loop
/// goes on with the next event; a Runtime API failure (5xx, connection lost) ends the process so Lambda replaces it.
/// </summary>
internal sealed class LambdaRuntime
{
    private readonly RuntimeApiClient api;
    private readonly IFunctionHandler handler;
    private readonly TimeProvider time;
    private readonly JsonLogger log;

    public LambdaRuntime(RuntimeApiClient api, IFunctionHandler handler, TimeProvider time, JsonLogger log)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        this.api = api;
        this.handler = handler;
        this.time = time;
        this.log = log;
    }

    /// <summary>Serves events until the Runtime API fails (exit code 1) or <paramref name="cancellationToken"/> fires (0).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var invocation = await api.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
                await ServeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                log.Info("runtime stopping");
                return 0;
            }
            catch (RuntimeApiException e)
            {
                log.Error("runtime API failed; exiting so Lambda starts a new sandbox", new LogField("error", e.Message));
                return 1;
            }
        }
    }

    /// <summary>Runs one invocation and reports its outcome to the Runtime API.</summary>
    internal async Task ServeAsync(RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable, invocation.TraceId);
        using var scope = JsonLogger.BeginInvocation(invocation.RequestId);
        var started = time.GetTimestamp();
        var context = new InvocationContext(invocation.RequestId, invocation.Deadline, invocation.InvokedFunctionArn, invocation.TraceId, time);
        var result = await InvocationRunner.RunAsync(handler, invocation.Payload, context, cancellationToken).ConfigureAwait(false);
        var duration = time.GetElapsedTime(started);

        if (result.Response is { } response)
        {
            var outcome = await api.PostResponseAsync(invocation.RequestId, response, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case PostOutcome.Accepted:
                    log.Info("invocation succeeded", new LogField("durationMs", duration), new LogField("responseBytes", response.Length));
                    return;
                case PostOutcome.PayloadTooLarge:
                    await ReportAsync(invocation.RequestId, RuntimeError.ResponseTooLarge(response.Length, InvocationRunner.MaxResponseBytes), duration, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    log.Warn("Runtime API rejected the response", new LogField("responseBytes", response.Length));
                    return;
            }
        }

        await ReportAsync(invocation.RequestId, result.Error!, duration, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportAsync(string requestId, RuntimeError error, TimeSpan duration, CancellationToken cancellationToken)
    {
        var level = error.ErrorType == RuntimeError.InvalidRequestType ? LogLevel.Warn : LogLevel.Error;
        log.Log(level, "invocation failed", new LogField("errorType", error.ErrorType), new LogField("errorMessage", error.ErrorMessage),
            new LogField("stackTrace", error.StackTrace), new LogField("durationMs", duration));
        if (await api.PostErrorAsync(requestId, error, cancellationToken).ConfigureAwait(false) != PostOutcome.Accepted)
        {
            log.Warn("Runtime API rejected the error report", new LogField("errorType", error.ErrorType));
        }
    }
}
