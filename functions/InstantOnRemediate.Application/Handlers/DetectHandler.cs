using System.Text.Json;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Detect;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Json;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>
/// The detect function: a CloudWatch Logs subscription event in, findings + correlation + plan (+ the alerts
/// written for people) out. The work is <see cref="DetectPipeline"/>'s.
/// </summary>
internal sealed class DetectHandler(ServiceContext service) : IFunctionHandler
{
    private const string Expected = "a CloudWatch Logs subscription event {\"awslogs\":{\"data\":\"<base64 of gzipped JSON>\"}}";

    public string Name => HandlerNames.Detect;

    /// <summary>
    /// An event that is not a CloudWatch Logs subscription event at all is an error (InvalidRequest: the function is
    /// wired wrong); a subscription event whose data is damaged is answered with the rejection reasons in
    /// <c>batch.rejected</c>, since retrying it cannot help.
    /// </summary>
    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = ReadEnvelope(payload);
        var response = await new DetectPipeline(service).RunAsync(payload, context.Time, cancellationToken).ConfigureAwait(false);
        service.Log.Info("detect done",
            new LogField("events", response.Batch.Events),
            new LogField("rejected", response.Batch.Rejected.Count),
            new LogField("findings", response.Findings.Count),
            new LogField("actions", response.Plan.Actions.Count));
        if (response.RetryRequested)
        {
            throw new TransientFailureException(
                "detect: an action failed for a transient reason; its claim was released and the batch is reported as failed so Lambda retries it: " +
                string.Join("; ", response.Notes.Where(n => n.Contains("transient", StringComparison.Ordinal))));
        }

        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.DetectResponse);
    }

    /// <summary>The <c>awslogs.data</c> string of a subscription event, or an <see cref="InvalidRequestException"/> saying what is wrong.</summary>
    internal static string ReadEnvelope(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonEvent.ParseObject(payload, HandlerNames.Detect, Expected, requireUtf8: false);
        var root = document.RootElement;
        if (!root.TryGetProperty("awslogs", out var awslogs))
        {
            throw new InvalidRequestException($"detect: the event has no 'awslogs' member; expected {Expected}");
        }

        if (awslogs.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException($"detect: 'awslogs' must be an object with a 'data' string; expected {Expected}");
        }

        if (!awslogs.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
        {
            throw new InvalidRequestException($"detect: 'awslogs.data' must be a string (base64 of the gzipped log batch); expected {Expected}");
        }

        string text;
        try
        {
            text = data.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The reader refuses to transcode invalid UTF-8 or an escaped lone surrogate: the caller's event is at fault.
            throw new InvalidRequestException("detect: 'awslogs.data' is not valid UTF-8 text; expected the base64 of the gzipped log batch");
        }

        return text.Length == 0
            ? throw new InvalidRequestException("detect: 'awslogs.data' is empty; expected the base64 of the gzipped log batch")
            : text;
    }
}
