using System.Text.Encodings.Web;
using System.Text.Json;
using InstantOnRemediate.Cli.Input;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Json;
using InstantOnRemediate.Application.Logging;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>invoke detect|runbook|reconcile EVENT.json</c>: builds the handler through the same composition root as the
/// Lambda host, fabricates the invocation context (request id, deadline) and runs it through the same invocation
/// path (error mapping, 6 MB response limit), then prints what Lambda would have returned.
/// </summary>
internal static class InvokeCommand
{
    public const string Usage = """
        usage: instanton-remediate invoke detect|runbook|reconcile EVENT.json [--inventory FILE | --aws]
                      [--mode observe|recommend|enforce] [--state DIR] [--now ISO-8601] [--json]

          Runs the handler exactly as the Lambda function would and prints its JSON response on stdout
          (indented; with --json exactly the bytes Lambda would return). EVENT.json may be - for stdin.
            --inventory FILE  use this inventory snapshot     --aws  gather the inventory through AWS
                              (neither: the shipped demo inventory)
            --mode            observe (default) | recommend | enforce
            --state DIR       keep state (processed events, claims, cooldowns) in DIR between runs
            --now ISO-8601    decide as if it were this instant, e.g. 2025-05-08T10:15:00Z (replays)
          The invocation gets a fresh request id and a deadline 60 s ahead; handler warnings and errors go to
          stderr as JSON lines (LOG_LEVEL=info or debug for more).

          exit 0  the handler answered: the response is on stdout
          exit 2  bad usage, or an event that is bad input; a one-line reason naming the event on stderr:
                  - refused before any handler runs (as Lambda would refuse the request), nothing on stdout:
                    missing or unreadable file, a directory, over 6 MB, empty, not UTF-8, not JSON (with the
                    line and byte); a leading UTF-8 byte-order mark is dropped
                  - rejected by the handler (wrong shape, e.g. detect needs {"awslogs":{"data":"..."}}; an
                    unknown runbook action): the Lambda error object {"errorMessage", "errorType":
                    "InvalidRequest", "stackTrace"} is on stdout
          exit 1  the handler failed (any other errorType: the Lambda error object is on stdout) or an
                  internal failure; a one-line summary on stderr
        """;

    /// <summary>The deadline given to a local invocation: the functions' timeout in template.yaml.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] ValueOptions = ["--inventory", "--mode", "--state", "--now"];
    private static readonly string[] FlagOptions = ["--aws", "--json"];
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => RunAsync(args, stdout, stderr, null);

    /// <param name="args">The command's arguments.</param>
    /// <param name="stdout">Where the response goes.</param>
    /// <param name="stderr">Where reasons and handler logs go.</param>
    /// <param name="stdin">What EVENT.json "-" reads; null for the process's standard input.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is ["-h" or "--help", ..])
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return CliApplication.Ok;
        }

        var parsed = CliArguments.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positional.Count != 2)
        {
            throw new UsageException("invoke needs a handler (detect, runbook or reconcile) and an EVENT.json (try invoke --help)");
        }

        var (handlerName, eventPath) = (parsed.Positional[0], parsed.Positional[1]);
        var options = ReadOptions(parsed);
        var log = new JsonLogger(new LogSink(stderr), CliRoot.Clock, LogLevel(), handlerName);
        IFunctionHandler handler;
        try
        {
            handler = FunctionFactory.Create(handlerName, options, log, CliRoot.Environment, CliRoot.Clock);
        }
        catch (FunctionConfigurationException e)
        {
            throw new UsageException(e.Message, e);
        }

        var payload = await EventFile.ReadAsync(eventPath, stdin, InvocationRunner.MaxResponseBytes).ConfigureAwait(false);
        var now = CliRoot.Clock.GetUtcNow();
        var context = new InvocationContext("local-" + Guid.NewGuid().ToString("D"), now + Timeout, null, null, CliRoot.Clock);
        InvocationResult result;
        using (JsonLogger.BeginInvocation(context.RequestId))
        {
            result = await InvocationRunner.RunAsync(handler, payload, context, CancellationToken.None).ConfigureAwait(false);
        }

        var json = parsed.Has("--json");
        if (result.Response is { } response)
        {
            await stdout.WriteLineAsync(json ? System.Text.Encoding.UTF8.GetString(response) : Indent(response)).ConfigureAwait(false);
            return CliApplication.Ok;
        }

        var error = result.Error!;
        var body = JsonSerializer.SerializeToUtf8Bytes(error, LambdaJsonContext.Default.RuntimeError);
        await stdout.WriteLineAsync(json ? System.Text.Encoding.UTF8.GetString(body) : Indent(body)).ConfigureAwait(false);
        if (error.ErrorType == RuntimeError.InvalidRequestType)
        {
            var named = eventPath == "-" ? "the event on stdin" : $"event '{eventPath}'";
            await stderr.WriteLineAsync($"instanton-remediate: {handlerName} rejected {named}: {error.ErrorMessage}".ReplaceLineEndings(" ")).ConfigureAwait(false);
            return CliApplication.BadUsage;
        }

        await stderr.WriteLineAsync($"instanton-remediate: {handlerName} failed ({error.ErrorType}): {error.ErrorMessage}".ReplaceLineEndings(" ")).ConfigureAwait(false);
        return CliApplication.InternalFailure;
    }

    private static FunctionOptions ReadOptions(CliArguments parsed)
    {
        var inventory = parsed.Value("--inventory");
        if (inventory is not null && parsed.Has("--aws"))
        {
            throw new UsageException("use either --inventory FILE or --aws, not both");
        }

        DateTimeOffset? now = null;
        if (parsed.Value("--now") is { } nowText)
        {
            now = FunctionOptions.ParseInstant(nowText)
                ?? throw new UsageException($"--now must be an ISO-8601 instant with an offset, e.g. 2025-05-08T10:15:00Z (got '{nowText}')");
        }

        return new FunctionOptions
        {
            Mode = parsed.Value("--mode") ?? Core.Planning.Modes.Observe,
            InventoryFile = inventory is null ? null : Path.GetFullPath(inventory),
            UseAws = parsed.Has("--aws"),
            StateDirectory = parsed.Value("--state") is { } state ? Path.GetFullPath(state) : null,
            Now = now,
        };
    }

    private static LogLevel LogLevel() =>
        LogLevels.TryParse(CliRoot.Variable(FunctionOptions.LogLevelVariable), out var level) && level != Application.Logging.LogLevel.Info
            ? level
            : Application.Logging.LogLevel.Warn;

    private static string Indent(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Indented))
            {
                document.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(json);
        }
    }
}
