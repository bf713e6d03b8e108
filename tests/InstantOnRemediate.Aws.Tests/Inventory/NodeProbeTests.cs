using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Inventory;

[Collection(InventoryMotoCollection.Name)]
public sealed class NodeProbeTests(MotoServer moto)
{
    private const string ProbeOutput = "kernel=5.10.226-214.880.amzn2.x86_64\\nget_rseq_conf=unsupported\\n";

    [Fact]
    public async Task ProbeAsync_InvocationNotYetVisible_RetriesOnInjectedClockThenParses()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var (instanceId, _) = (await world.LaunchAsync(ami, 1, "asg", null))[0];
        var misses = 2;
        world.SsmCalls.Intercept = operation => operation == "GetCommandInvocation" && misses-- > 0
            ? RecordingHandler.JsonError("InvocationDoesNotExist", "An error occurred (InvocationDoesNotExist)")
            : null;
        world.SsmCalls.Rewrite = (operation, body) => operation == "GetCommandInvocation"
            ? body.Replace("\"StandardOutputContent\": \"\"", $"\"StandardOutputContent\": \"{ProbeOutput}\"", StringComparison.Ordinal)
            : body;
        var time = new ManualTime();
        var probe = new NodeProbe(world.Ssm, time, KernelFeatureMatrix.Default, maxAttempts: 5, pollInterval: TimeSpan.FromSeconds(5));

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        Assert.Equal(("succeeded", "5.10.226-214.880.amzn2.x86_64"), (result.Status, result.Kernel));
        Assert.False(result.Features["ptrace-get-rseq-conf"]);
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
        var probe = new NodeProbe(world.Ssm, new ManualTime(), KernelFeatureMatrix.Default, maxAttempts: 4);

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        Assert.Equal("timed-out", result.Status);
        Assert.Equal(4, world.SsmCalls.Count("GetCommandInvocation"));
        Assert.Equal(1, world.SsmCalls.Count("SendCommand"));
    }

    [Fact]
    public async Task ProbeAsync_SendsOnlyTheFixedCommandList()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        var ami = await world.RegisterAmiAsync("amazon-eks-node-1.30-v20250212", "al2");
        var (instanceId, _) = (await world.LaunchAsync(ami, 1, "asg", null))[0];
        var probe = new NodeProbe(world.Ssm, new ManualTime(), KernelFeatureMatrix.Default);

        var result = await probe.ProbeAsync(instanceId, CancellationToken.None);

        var sent = await world.Ssm.ListCommandsAsync(new Amazon.SimpleSystemsManagement.Model.ListCommandsRequest { CommandId = result.CommandId });
        var command = Assert.Single(sent.Commands);
        Assert.Equal("AWS-RunShellScript", command.DocumentName);
        Assert.Equal(NodeProbeOutput.Commands, command.Parameters["commands"]);
        // moto runs nothing, so the output is empty: no kernel is made up.
        Assert.Equal(("failed", null), (result.Status, result.Kernel));
    }

    [Theory]
    [InlineData("kernel=6.1.115-126.197.amzn2023.x86_64\nget_rseq_conf=supported\n", "6.1.115-126.197.amzn2023.x86_64", true)]
    [InlineData("kernel=5.10.226-214.880.amzn2.x86_64\nget_rseq_conf=no-criu\n", "5.10.226-214.880.amzn2.x86_64", null)]
    [InlineData("kernel=$(reboot)\nget_rseq_conf=maybe\n", null, null)]
    public void Parse_ProbeOutput_ValidatesKernelAndFeature(string stdout, string? kernel, bool? rseq)
    {
        var (k, features) = NodeProbeOutput.Parse(stdout, KernelFeatureMatrix.Default);
        Assert.Equal(kernel, k);
        Assert.Equal(rseq, features.TryGetValue("ptrace-get-rseq-conf", out var v) ? v : null);
    }
}
