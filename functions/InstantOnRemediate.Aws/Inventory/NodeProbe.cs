using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// Asks a node what CRIU would find there: SendCommand of the stack's read-only diagnostics document
/// (infra/ssm/node-diagnostics.yaml, deployed name from SSM_DIAGNOSTICS_DOCUMENT; no parameters, nothing taken from
/// logs), then GetCommandInvocation until the command ends, tolerating InvocationDoesNotExist right after sending
/// (eventual consistency). Attempts are bounded; the delay between them runs on the injected clock. The output is read
/// by <see cref="NodeDiagnosticsReader"/>: an unreadable answer is a result, never an exception.
/// </summary>
internal sealed class NodeProbe(IAmazonSimpleSystemsManagement ssm, TimeProvider time, KernelFeatureMatrix matrix, string? document, int maxAttempts = 20, TimeSpan? pollInterval = null)
{
    /// <summary>Delivery timeout of the command; the document itself stops its script after 60 seconds.</summary>
    public const int DeliveryTimeoutSeconds = 60;

    private readonly TimeSpan interval = pollInterval ?? TimeSpan.FromSeconds(5);

    /// <summary>The deployed name of the diagnostics document, or null when the stack passed none (the probe is then off).</summary>
    public string? Document => document;

    [IamAction("ssm:SendCommand", Resource = "document")]
    [IamAction("ssm:SendCommand", Resource = "instance")]
    [IamAction("ssm:GetCommandInvocation")]
    public async Task<NodeProbeResult> ProbeAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(document))
        {
            return new NodeProbeResult { InstanceId = instanceId, Status = NodeProbeStatuses.NotConfigured, Detail = "no diagnostics document: the stack passes its name in SSM_DIAGNOSTICS_DOCUMENT" };
        }

        string commandId;
        try
        {
            var sent = await ssm.SendCommandAsync(new SendCommandRequest
            {
                DocumentName = document,
                InstanceIds = [instanceId],
                Comment = "instanton-remediate node diagnostics",
                TimeoutSeconds = DeliveryTimeoutSeconds,
            }, cancellationToken).ConfigureAwait(false);
            commandId = sent.Command?.CommandId ?? throw new InvalidOperationException("SendCommand returned no command id");
        }
        catch (Exception e) when (e is InvalidDocumentException or InvalidInstanceIdException or UnsupportedPlatformTypeException)
        {
            return new NodeProbeResult { InstanceId = instanceId, Status = NodeProbeStatuses.Failed, Detail = $"SendCommand of {document} refused: {e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)} ({e.Message})" };
        }

        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }

            GetCommandInvocationResponse invocation;
            try
            {
                invocation = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId }, cancellationToken).ConfigureAwait(false);
            }
            catch (InvocationDoesNotExistException)
            {
                continue;
            }

            var status = invocation.Status?.Value;
            switch (status)
            {
                case "Success":
                    return Read(instanceId, commandId, invocation.StandardOutputContent);
                case "Failed" or "Cancelled" or "TimedOut" or "Cancelling":
                    return new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = status == "TimedOut" ? NodeProbeStatuses.TimedOut : NodeProbeStatuses.Failed, Detail = invocation.StatusDetails };
                default:
                    if (invocation.StatusDetails is "Undeliverable" or "Terminated")
                    {
                        return new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = NodeProbeStatuses.Undeliverable, Detail = invocation.StatusDetails };
                    }

                    break;
            }
        }

        return new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = NodeProbeStatuses.TimedOut, Detail = $"no result after {maxAttempts} polls" };
    }

    private NodeProbeResult Read(string instanceId, string commandId, string? stdout)
    {
        var reading = NodeDiagnosticsReader.Read(stdout, matrix);
        return reading.Diagnostics is { } diagnostics
            ? new NodeProbeResult
            {
                InstanceId = instanceId,
                CommandId = commandId,
                Status = NodeProbeStatuses.Succeeded,
                Kernel = diagnostics.Kernel,
                Features = diagnostics.ProbedFeatures,
                Diagnostics = diagnostics,
            }
            : new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = NodeProbeStatuses.Unreadable, Detail = reading.Problem };
    }
}
