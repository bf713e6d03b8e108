using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Lambda.Json;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>
/// The detect function: a CloudWatch Logs subscription event in, findings + correlation + plan out. This build
/// validates the envelope and answers with an empty batch and plan; decoding, classification, correlation and
/// planning plug in here.
/// </summary>
internal sealed class DetectHandler(FunctionOptions options, JsonLogger log) : IFunctionHandler
{
    private const string Expected = "a CloudWatch Logs subscription event {\"awslogs\":{\"data\":\"<base64 of gzipped JSON>\"}}";

    public string Name => HandlerNames.Detect;

    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = ReadEnvelope(payload);
        var now = options.DecisionClock(context.Time).GetUtcNow();
        var response = new DetectResponse
        {
            Batch = new BatchSummary(),
            Plan = new Plan { Id = PlanId(data, options.Mode), Mode = options.Mode, CreatedAt = now.ToUnixTimeMilliseconds() },
        };
        log.Debug("detect envelope accepted", new LogField("dataChars", data.Length));
        return Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.DetectResponse));
    }

    /// <summary>The <c>awslogs.data</c> string of a subscription event, or an <see cref="InvalidRequestException"/> saying what is wrong.</summary>
    internal static string ReadEnvelope(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonEvent.ParseObject(payload, HandlerNames.Detect, Expected);
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

        var text = data.GetString()!;
        return text.Length == 0
            ? throw new InvalidRequestException("detect: 'awslogs.data' is empty; expected the base64 of the gzipped log batch")
            : text;
    }

    /// <summary>Deterministic plan id: the same batch under the same mode always gets the same id.</summary>
    private static string PlanId(string data, string mode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(mode + "\n" + data));
        return "plan-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
