using System.Text.Json;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Hosting;
using InstantOnRemediate.Lambda.Json;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>
/// The runbook function (direct invoke by the on-call): <c>{"action": "diagnose|plan|apply|status|rollback|pause|resume", ...}</c>.
/// This build validates the request and says plainly that the action is not available yet.
/// </summary>
internal sealed class RunbookHandler(FunctionOptions options, JsonLogger log) : IFunctionHandler
{
    public const string NotAvailable = "not-available";

    private static readonly string Expected = $"{{\"action\": \"{string.Join("|", RunbookActions.All)}\", ...}}";

    public string Name => HandlerNames.Runbook;

    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        var action = ReadAction(payload);
        log.Info("runbook request", new LogField("action", action));
        var response = new RunbookResponse
        {
            Action = action,
            Mode = options.Mode,
            Status = NotAvailable,
            Reason = $"the '{action}' runbook action is validated but not carried out by this build",
        };
        return Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.RunbookResponse));
    }

    internal static string ReadAction(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonEvent.ParseObject(payload, HandlerNames.Runbook, Expected);
        if (!document.RootElement.TryGetProperty("action", out var action))
        {
            throw new InvalidRequestException($"runbook: the request has no 'action'; expected {Expected}");
        }

        var name = action.ValueKind == JsonValueKind.String ? action.GetString() : null;
        if (name is null || !RunbookActions.All.Contains(name))
        {
            var shown = name is null ? $"a JSON {JsonEvent.KindName(action.ValueKind)}" : $"'{Truncate(name)}'";
            throw new InvalidRequestException($"runbook: 'action' must be one of {string.Join(", ", RunbookActions.All)} (got {shown})");
        }

        return name;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
