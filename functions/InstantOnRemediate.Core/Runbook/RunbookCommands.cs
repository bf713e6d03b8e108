using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InstantOnRemediate.Core.Runbook;

/// <summary>
/// The one writer of runbook requests: the JSON payload, the <c>aws lambda invoke</c> command and the
/// <c>aws ssm start-automation-execution</c> command that carry it. Every command the service prints (alerts,
/// reconcile alerts, runbook replies, status) comes from here; the runbook reader accepts each of them once the
/// placeholders (<see cref="RunbookPlaceholders"/>) are filled in.
/// </summary>
public static class RunbookCommands
{
    /// <summary>The request as the runbook function reads it: members in a fixed order, absent members left out.</summary>
    public static string Payload(RunbookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString(RunbookFields.Action, request.Action);
            switch (request)
            {
                case DiagnoseRequest d:
                    json.WriteString(RunbookFields.Cluster, d.Cluster);
                    Optional(json, RunbookFields.Nodegroup, d.Nodegroup);
                    Optional(json, RunbookFields.Node, d.Node);
                    Optional(json, RunbookFields.Pod, d.Pod);
                    Optional(json, RunbookFields.Namespace, d.Namespace);
                    break;
                case PlanRequest p:
                    json.WriteString(RunbookFields.Cluster, p.Cluster);
                    Optional(json, RunbookFields.Cause, p.Cause);
                    Optional(json, RunbookFields.Nodegroup, p.Nodegroup);
                    break;
                case ApplyRequest a:
                    json.WriteString(RunbookFields.ActionId, a.ActionId);
                    Optional(json, RunbookFields.PlanId, a.PlanId);
                    json.WriteString(RunbookFields.ApprovedBy, a.ApprovedBy);
                    json.WriteString(RunbookFields.Reason, a.Reason);
                    break;
                case StatusRequest s:
                    Optional(json, RunbookFields.Cluster, s.Cluster);
                    break;
                case RollbackRequest r:
                    json.WriteString(RunbookFields.ActionId, r.ActionId);
                    json.WriteString(RunbookFields.ApprovedBy, r.ApprovedBy);
                    json.WriteString(RunbookFields.Reason, r.Reason);
                    if (r.DeleteCreatedNodegroup)
                    {
                        json.WriteBoolean(RunbookFields.DeleteCreatedNodegroup, true);
                    }

                    break;
                case PauseRequest p:
                    json.WriteString(RunbookFields.Reason, p.Reason);
                    json.WriteString(RunbookFields.By, p.By);
                    break;
                case ResumeRequest r:
                    json.WriteString(RunbookFields.Reason, r.Reason);
                    json.WriteString(RunbookFields.By, r.By);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "not a runbook request");
            }

            json.WriteEndObject();
        }

        // Readable placeholders (<you>) and no single quote, so the payload can sit inside '...' in a shell.
        return Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("'", "\\u0027", StringComparison.Ordinal);
    }

    /// <summary>The AWS CLI command that sends <paramref name="request"/> to the runbook function and prints the answer.</summary>
    public static string LambdaInvoke(string runbookFunction, RunbookRequest request) =>
        $"aws lambda invoke --function-name {runbookFunction} --cli-binary-format raw-in-base64-out --payload '{Payload(request)}' /dev/stdout";

    /// <summary>
    /// The same request as an execution of the stack's Systems Manager runbook for its action: the typed parameters
    /// the Automation document takes (infra/ssm/runbook-*.yaml), as JSON so any reason survives the shell. Apply and
    /// Rollback take no approver: the document's aws:approve step records who approved.
    /// </summary>
    public static string StartAutomation(string documentName, RunbookRequest request) =>
        $"aws ssm start-automation-execution --document-name {documentName} --parameters '{AutomationParameters(request)}'";

    /// <summary>The console page that starts <paramref name="documentName"/> (the person fills in the parameters there).</summary>
    public static string AutomationConsoleUrl(string region, string documentName) =>
        $"https://{region}.console.aws.amazon.com/systems-manager/automation/execute/{Uri.EscapeDataString(documentName)}?region={region}";

    /// <summary>The Automation document's parameters for <paramref name="request"/> (each a one-element list, as SSM takes them).</summary>
    public static string AutomationParameters(RunbookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request switch
        {
            DiagnoseRequest d => new (string, string?)[] { ("Cluster", d.Cluster), ("Nodegroup", d.Nodegroup), ("Node", d.Node), ("Pod", d.Pod), ("Namespace", d.Namespace) },
            PlanRequest p => [("Cluster", p.Cluster), ("Cause", p.Cause), ("Nodegroup", p.Nodegroup)],
            StatusRequest s => [("Cluster", s.Cluster)],
            ApplyRequest a => [("ActionId", a.ActionId), ("Reason", a.Reason)],
            RollbackRequest r => [("ActionId", r.ActionId), ("Reason", r.Reason), ("DeleteCreatedNodegroup", r.DeleteCreatedNodegroup ? "true" : null)],
            PauseRequest p => [("Reason", p.Reason), ("By", p.By)],
            ResumeRequest r => [("Reason", r.Reason), ("By", r.By)],
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "not a runbook request"),
        };
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                if (value is not null)
                {
                    json.WritePropertyName(name);
                    json.WriteStartArray();
                    json.WriteStringValue(value);
                    json.WriteEndArray();
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("'", "\\u0027", StringComparison.Ordinal);
    }

    /// <summary>The local CLI equivalent (reads the same request from stdin).</summary>
    public static string LocalInvoke(RunbookRequest request) =>
        $"echo '{Payload(request)}' | instanton-remediate invoke runbook -";

    /// <summary>The payload as it appears on a line of a printed command, for tests and tools that extract it back.</summary>
    public const string PayloadMarker = "--payload '";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
