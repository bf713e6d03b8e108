using System.Collections;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Lambda.Hosting;

/// <summary>
/// Start-up of the custom runtime: environment → options → handler → Runtime API loop. A configuration problem
/// (unknown <c>_HANDLER</c>, bad MODE, ...) is reported to <c>/runtime/init/error</c> and the process exits non-zero.
/// </summary>
internal static class LambdaBootstrap
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerVariable = "_HANDLER";

    /// <returns>The process exit code: 0 when stopped, 1 on a Runtime API or start-up failure.</returns>
    public static async Task<int> RunAsync(IDictionary environment, TimeProvider time, LogSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var handlerName = environment[HandlerVariable] as string ?? string.Empty;
        if (!LogLevels.TryParse(environment[FunctionOptions.LogLevelVariable] as string, out var level))
        {
            level = LogLevel.Info;
        }

        var log = new JsonLogger(sink, time, level, handlerName);
        if (environment[RuntimeApiVariable] is not string { Length: > 0 } address)
        {
            log.Error($"{RuntimeApiVariable} is not set: bootstrap runs inside Lambda; run handlers locally with 'instanton-remediate invoke'");
            return 1;
        }

        RuntimeApiClient api;
        try
        {
            api = new RuntimeApiClient(address, time);
        }
        catch (ArgumentException e)
        {
            log.Error(e.Message);
            return 1;
        }

        using (api)
        {
            IFunctionHandler handler;
            try
            {
                var options = FunctionOptions.FromEnvironment(environment);
                handler = FunctionFactory.Create(handlerName, options, log, environment, time);
            }
            catch (FunctionConfigurationException e)
            {
                log.Error("function configuration is invalid", new LogField("errorType", e.ErrorType), new LogField("errorMessage", e.Message));
                try
                {
                    await api.PostInitErrorAsync(new RuntimeError(e.Message, e.ErrorType, []), cancellationToken).ConfigureAwait(false);
                }
                catch (RuntimeApiException posting)
                {
                    log.Error("could not report the init error", new LogField("error", posting.Message));
                }

                return 1;
            }

            log.Info("runtime started");
            return await new LambdaRuntime(api, handler, time, log).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
