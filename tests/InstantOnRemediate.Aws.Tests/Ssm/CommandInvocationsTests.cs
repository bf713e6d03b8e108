using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Aws.Ssm;
using InstantOnRemediate.Aws.Tests.Inventory;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Ssm;

/// <summary>
/// Per-instance outcomes of a command. moto_server has no ListCommandInvocations, so the command is sent to moto and
/// the two pages of its invocations are scripted at the relay in AWS's shape; requests and pages are checked against
/// botocore's model.
/// </summary>
[Collection(InventoryMotoCollection.Name)]
public sealed class CommandInvocationsTests(MotoServer moto)
{
    [Fact]
    public async Task ReadAsync_TwoPages_EveryInstanceWithItsOutcome()
    {
        using var world = await MotoWorld.CreateAsync(moto);
        await using var relay = new DocumentCheckingRelay(moto);
        using var ssm = relay.CreateClient();
        var sent = await world.Ssm.SendCommandAsync(new SendCommandRequest { DocumentName = "AWS-RunShellScript", InstanceIds = ["i-0000000000000000a"], Parameters = new() { ["commands"] = ["true"] } });
        var id = sent.Command.CommandId;
        var page1 = $$"""{"CommandInvocations":[{"CommandId":"{{id}}","InstanceId":"i-0000000000000000b","Status":"Failed","StatusDetails":"Failed","DocumentName":"InstantOnRemediate-prod-YamaPtraceScope"},{"CommandId":"{{id}}","InstanceId":"i-0000000000000000a","Status":"Success","StatusDetails":"Success"}],"NextToken":"page-2"}""";
        var page2 = $$"""{"CommandInvocations":[{"CommandId":"{{id}}","InstanceId":"i-0000000000000000c","Status":"InProgress","StatusDetails":"InProgress"},{"CommandId":"{{id}}","InstanceId":"i-0000000000000000d","Status":"Failed","StatusDetails":"Undeliverable"},{"CommandId":"{{id}}","InstanceId":"i-0000000000000000e","Status":"TimedOut","StatusDetails":"DeliveryTimedOut"}]}""";
        relay.Proxy.Inject("ListCommandInvocations", Page(page1)).Inject("ListCommandInvocations", Page(page2));

        var outcomes = await new CommandInvocations(ssm).ReadAsync(id);

        Assert.Equal(
            [("i-0000000000000000a", CommandOutcomes.Succeeded, true), ("i-0000000000000000b", CommandOutcomes.Failed, true), ("i-0000000000000000c", CommandOutcomes.InProgress, false),
             ("i-0000000000000000d", CommandOutcomes.Undeliverable, true), ("i-0000000000000000e", CommandOutcomes.TimedOut, true)],
            outcomes.Select(o => (o.InstanceId, o.Outcome, o.IsFinal)));
        var requests = relay.Proxy.Requests.Where(r => r.Operation == "ListCommandInvocations").Select(r => r.Request).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("\"NextToken\":\"page-2\"", requests[1].BodyText, StringComparison.Ordinal);
        new BotocoreValidator().Requests("ssm", requests)
            .Response("ssm", "ListCommandInvocations", 200, page1)
            .Response("ssm", "ListCommandInvocations", 200, page2)
            .Validate().AssertValid();
    }

    [Theory]
    [InlineData("Pending", "Pending", CommandOutcomes.Pending)]
    [InlineData("Delayed", "Delayed", CommandOutcomes.Pending)]
    [InlineData("Cancelling", "Cancelling", CommandOutcomes.Cancelled)]
    [InlineData("Failed", "Execution Timed Out", CommandOutcomes.TimedOut)]
    [InlineData("Failed", "Terminated", CommandOutcomes.Undeliverable)]
    [InlineData("Something", null, CommandOutcomes.InProgress)]
    public void From_SsmStatus_MapsToOutcome(string status, string? details, string outcome) =>
        Assert.Equal(outcome, CommandOutcomes.From(status, details));

    private static InstantOnRemediate.Testing.Fault Page(string body) =>
        new() { Name = "scripted-page", Status = 200, ContentType = "application/x-amz-json-1.1", Body = body };
}
