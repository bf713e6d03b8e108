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
