using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// Asks a node for its kernel over SSM: SendCommand (AWS-RunShellScript with the fixed <see cref="NodeProbeOutput.Commands"/>)
/// then GetCommandInvocation until the command ends, tolerating InvocationDoesNotExist right after sending (eventual
/// consistency). Attempts are bounded; the delay between them runs on the injected clock.
/// </summary>
internal sealed class NodeProbe(IAmazonSimpleSystemsManagement ssm, TimeProvider time, KernelFeatureMatrix matrix, int maxAttempts = 20, TimeSpan? pollInterval = null)
{
    public const string DocumentName = "AWS-RunShellScript";

    private readonly TimeSpan interval = pollInterval ?? TimeSpan.FromSeconds(5);

    [IamAction("ssm:SendCommand", Resource = "document")]
    [IamAction("ssm:SendCommand", Resource = "instance")]
    [IamAction("ssm:GetCommandInvocation")]
    public async Task<NodeProbeResult> ProbeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var sent = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = DocumentName,
            InstanceIds = [instanceId],
            Comment = "instanton-remediate kernel probe",
            TimeoutSeconds = 60,
            Parameters = new Dictionary<string, List<string>>
            {
                ["commands"] = [.. NodeProbeOutput.Commands],
                ["executionTimeout"] = ["60"],
            },
        }, cancellationToken).ConfigureAwait(false);
        var commandId = sent.Command?.CommandId ?? throw new InvalidOperationException("SendCommand returned no command id");

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
                    var (kernel, features) = NodeProbeOutput.Parse(invocation.StandardOutputContent, matrix);
                    return new NodeProbeResult
                    {
                        InstanceId = instanceId,
                        CommandId = commandId,
                        Status = kernel is null ? "failed" : "succeeded",
                        Kernel = kernel,
                        Features = features,
                        Detail = kernel is null ? "the probe printed no kernel release" : null,
                    };
                case "Failed" or "Cancelled" or "TimedOut" or "Cancelling":
                    return new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = status == "TimedOut" ? "timed-out" : "failed", Detail = invocation.StatusDetails };
                default:
                    if (invocation.StatusDetails is "Undeliverable" or "Terminated")
                    {
                        return new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = "undeliverable", Detail = invocation.StatusDetails };
                    }

                    break;
            }
        }

        return new NodeProbeResult { InstanceId = instanceId, CommandId = commandId, Status = "timed-out", Detail = $"no result after {maxAttempts} polls" };
    }
}
