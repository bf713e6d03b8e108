using System.Text.Json;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

[Collection(InventoryMotoCollection.Name)]
public sealed class NodeProbeTests(MotoServer moto)
{
    public const string Document = "InstantOnRemediate-test-NodeDiagnostics";

    /// <summary>What infra/ssm/node-diagnostics.yaml prints on an EKS AL2 node without CRIU.</summary>
    public const string Al2Diagnostics = """{"schema":"instanton-remediate.node-diagnostics/1","kernel":"5.10.226-214.880.amzn2.x86_64","machine":"x86_64","yama":{"ptraceScope":"1"},"lsm":{"selinux":"disabled","apparmor":"absent","active":"capability,yama"},"seccomp":{"filter":true,"actions":"kill_process,allow"},"capabilities":{"lastCap":40},"cgroup":"v1","nsLastPid":true,"criu":{"path":"/usr/sbin/criu","version":"3.17"},"features":{"ptrace-get-rseq-conf":{"supported":false,"by":"criu-check"},"cap-checkpoint-restore":{"supported":true,"by":"proc"},"rseq":{"supported":true,"by":"kernel-version"}}}""";

    [Fact]
    public async Task ProbeAsync_InvocationNotYetVisible_RetriesOnInjectedClockThenReadsTheDiagnostics()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var (instanceId, _) = (await world.LaunchAsync(ami, 1, "asg", null))[0];
        var misses = 2;
        world.SsmCalls.Intercept = operation => operation == "GetCommandInvocation" && misses-- > 0
            ? RecordingHandler.JsonError("InvocationDoesNotExist", "An error occurred (InvocationDoesNotExist)")
            : null;
        world.SsmCalls.Rewrite = (operation, body) => operation == "GetCommandInvocation" ? WithOutput(body, Al2Diagnostics) : body;
        var time = new ManualTime();
        var probe = new NodeProbe(world.Ssm, time, KernelFeatureMatrix.Default, Document, maxAttempts: 5, pollInterval: TimeSpan.FromSeconds(5));

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        Assert.Equal((NodeProbeStatuses.Succeeded, "5.10.226-214.880.amzn2.x86_64"), (result.Status, result.Kernel));
        Assert.False(result.Features["ptrace-get-rseq-conf"]);
        Assert.DoesNotContain("rseq", result.Features.Keys); // inferred from the version on the node, not tested: the matrix decides
        Assert.Equal((1, "3.17"), (result.Diagnostics!.YamaPtraceScope, result.Diagnostics.CriuVersion));
        Assert.Equal(3, world.SsmCalls.Count("GetCommandInvocation"));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], time.Delays);
    }

    [Fact]
    public async Task ProbeAsync_NeverVisible_StopsAfterBoundedAttempts()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var (instanceId, _) = (await world.LaunchAsync(ami, 1, "asg", null))[0];
        world.SsmCalls.Intercept = operation => operation == "GetCommandInvocation" ? RecordingHandler.JsonError("InvocationDoesNotExist", "not yet") : null;
        var probe = new NodeProbe(world.Ssm, new ManualTime(), KernelFeatureMatrix.Default, Document, maxAttempts: 4);

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        Assert.Equal(NodeProbeStatuses.TimedOut, result.Status);
        Assert.Equal(4, world.SsmCalls.Count("GetCommandInvocation"));
        Assert.Equal(1, world.SsmCalls.Count("SendCommand"));
    }

    [Fact]
    public async Task ProbeAsync_SendsTheStackDiagnosticsDocumentWithoutParameters()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var (instanceId, _) = (await world.LaunchAsync(ami, 1, "asg", null))[0];
        var probe = new NodeProbe(world.Ssm, new ManualTime(), KernelFeatureMatrix.Default, Document);

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        var sent = await world.Ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = result.CommandId });
        var command = Assert.Single(sent.Commands);
        Assert.Equal(Document, command.DocumentName);
        Assert.True(command.Parameters is null or { Count: 0 });
        Assert.Equal([instanceId], command.InstanceIds);
        // moto runs nothing, so the output is empty: no kernel is made up.
        Assert.Equal((NodeProbeStatuses.Unreadable, null), (result.Status, result.Kernel));
        Assert.Equal("probe output unreadable: the document printed nothing", result.Detail);
    }

    [Theory]
    [InlineData("kernel=5.10.226-214.880.amzn2.x86_64\nget_rseq_conf=unsupported\n", "not one JSON document")]
    [InlineData("{\"schema\":\"instanton-remediate.node-diagnostics/1\",\"kernel\":\"$(reboot)\"}", "no kernel release")]
    public async Task ProbeAsync_UnreadableOutput_IsAResultNotAnException(string stdout, string why)
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var (instanceId, _) = (await world.LaunchAsync(ami, 1, "asg", null))[0];
        world.SsmCalls.Rewrite = (operation, body) => operation == "GetCommandInvocation" ? WithOutput(body, stdout) : body;
        var probe = new NodeProbe(world.Ssm, new ManualTime(), KernelFeatureMatrix.Default, Document);

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        Assert.Equal((NodeProbeStatuses.Unreadable, null), (result.Status, result.Kernel));
        Assert.StartsWith("probe output unreadable: ", result.Detail, StringComparison.Ordinal);
        Assert.Contains(why, result.Detail, StringComparison.Ordinal);
        Assert.Empty(result.Features);
    }

    [Fact]
    public async Task ProbeAsync_NoDocumentName_SendsNothing()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var probe = new NodeProbe(world.Ssm, new ManualTime(), KernelFeatureMatrix.Default, document: null);

        var result = await probe.ProbeAsync("i-0123456789abcdef0", CancellationToken.None);

        Assert.Equal(NodeProbeStatuses.NotConfigured, result.Status);
        Assert.Contains("SSM_DIAGNOSTICS_DOCUMENT", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, world.SsmCalls.Total);
    }

    /// <summary>moto's GetCommandInvocation answer with <paramref name="stdout"/> as the command's output.</summary>
    internal static string WithOutput(string body, string stdout)
    {
        using var document = JsonDocument.Parse(body);
        var before = "\"StandardOutputContent\": \"\"";
        Assert.Contains(before, body, StringComparison.Ordinal);
        return body.Replace(before, "\"StandardOutputContent\": \"" + JsonEncodedText.Encode(stdout) + "\"", StringComparison.Ordinal);
    }
}
