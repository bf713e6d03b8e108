using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Invocation;

namespace InstantOnRemediate.Lambda.Tests.Runbook;

public sealed class RunbookRequestTests
{
    private const string ActionId = "7b1e4d2f9a0c6e387b1e4d2f9a0c6e38";

    [Theory]
    [InlineData("""{"action":"drain"}""", "(got 'drain')")]
    [InlineData("""{"action":7}""", "(got a JSON number)")]
    [InlineData("""{"cluster":"prod-eks"}""", "no 'action'")]
    [InlineData("""["diagnose"]""", "not an object")]
    [InlineData("""{"action":"diagnose"}""", "runbook diagnose: 'cluster' is required")]
    [InlineData("""{"action":"plan","cluster":"prod-eks","node":"ip-10-0-0-1.ec2.internal"}""", "unknown member 'node'; plan takes cluster, cause, nodegroup")]
    [InlineData("""{"action":"status","cluster":"prod-eks","force":true}""", "unknown member 'force'")]
    [InlineData("""{"action":"status","cluster":"prod-eks","cluster":"other"}""", "'cluster' appears more than once")]
    [InlineData("""{"action":"apply","actionId":"7b1e4d2f9a0c6e387b1e4d2f9a0c6e38","reason":"because it is needed"}""", "'approvedBy' is required")]
    [InlineData("""{"action":"apply","actionId":"act-7b1e","approvedBy":"a@example.com","reason":"because"}""", "'actionId' must be an action id")]
    [InlineData("""{"action":"apply","actionId":"7b1e4d2f9a0c6e387b1e4d2f9a0c6e38","planId":"plan-x","approvedBy":"a@example.com","reason":"because"}""", "'planId' must be a plan id")]
    [InlineData("""{"action":"apply","actionId":"7b1e4d2f9a0c6e387b1e4d2f9a0c6e38","approvedBy":"a b","reason":"because"}""", "'approvedBy' must be who approves")]
    [InlineData("""{"action":"apply","actionId":"7b1e4d2f9a0c6e387b1e4d2f9a0c6e38","approvedBy":"a@example.com","reason":"ok\nforged audit line"}""", "'reason' must be a reason in words")]
    [InlineData("""{"action":"diagnose","cluster":"prod eks"}""", "'cluster' must be an EKS cluster name")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","nodegroup":"ng/../x"}""", "'nodegroup' must be an EKS node-group name")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","pod":"$(reboot)"}""", "'pod' must be a Kubernetes pod name")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","pod":"orders;rm -rf /"}""", "'pod' must be a Kubernetes pod name")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","pod":"Orders"}""", "'pod' must be a Kubernetes pod name")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","node":"`id`.compute.internal"}""", "'node' must be a Kubernetes node name")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","pod":"orders-1","namespace":"shop.x"}""", "'namespace' must be a Kubernetes namespace")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","namespace":"shop"}""", "'namespace' goes with 'pod'")]
    [InlineData("""{"action":"diagnose","cluster":"prod-eks","nodegroup":"ng-1","pod":"orders-1"}""", "at most one of 'nodegroup', 'node' or 'pod'")]
    [InlineData("""{"action":"diagnose","cluster":7}""", "'cluster' must be a string (got a JSON number)")]
    [InlineData("""{"action":"plan","cluster":"prod-eks","cause":"made-up"}""", "'cause' must be a cause id")]
    [InlineData("""{"action":"rollback","actionId":"7b1e4d2f9a0c6e387b1e4d2f9a0c6e38","approvedBy":"a@example.com","reason":"undo it","deleteCreatedNodegroup":"yes"}""", "'deleteCreatedNodegroup' must be true or false")]
    [InlineData("""{"action":"pause","reason":"maintenance"}""", "runbook pause: 'by' is required")]
    [InlineData("""{"action":"resume","by":"oncall@example.com","approvedBy":"x@example.com","reason":"done"}""", "unknown member 'approvedBy'; resume takes reason, by")]
    public void Read_InvalidRequest_ThrowsNamingTheMember(string json, string expected)
    {
        var e = Assert.Throws<InvalidRequestException>(() => RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("runbook", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OversizedReason_RejectedWithItsLength()
    {
        var json = $$"""{"action":"pause","by":"oncall@example.com","reason":"{{new string('x', 300)}}"}""";

        var e = Assert.Throws<InvalidRequestException>(() => RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(json)));

        Assert.Equal("runbook pause: 'reason' is 300 characters long; at most 256 are accepted", e.Message);
    }

    [Fact]
    public void Read_RejectedValue_IsShownTruncatedWithoutControlCharacters()
    {
        var json = """{"action":"diagnose","cluster":"prod-eks","pod":"$(reboot)\u0007\u001b[2J-and-a-very-long-tail-that-goes-on-and-on"}""";

        var e = Assert.Throws<InvalidRequestException>(() => RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(json)));

        Assert.DoesNotContain('\u001b', e.Message);
        Assert.Contains("$(reboot)??[2J", e.Message, StringComparison.Ordinal);
        Assert.Contains("...", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ApplyWithEveryMember_CarriesThemValidated()
    {
        var request = Assert.IsType<ApplyRequest>(RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(
            $$"""{"action":"apply","planId":"plan-3f6c1a9e0b7d2c45","actionId":"{{ActionId}}","approvedBy":"arn:aws:iam::123456789012:role/oncall","reason":"move InstantOn to AL2023"}""")));

        Assert.Equal(RunbookActions.Apply, request.Action);
        Assert.Equal("plan-3f6c1a9e0b7d2c45", request.PlanId);
        Assert.Equal(ActionId, request.ActionId);
        Assert.Equal("arn:aws:iam::123456789012:role/oncall", request.ApprovedBy);
        Assert.Equal("move InstantOn to AL2023", request.Reason);
    }

    [Fact]
    public void Read_DiagnosePod_KeepsPodAndNamespace()
    {
        var request = Assert.IsType<DiagnoseRequest>(RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8("""{"action":"diagnose","cluster":"prod-eks","pod":"orders-7d9f8b6c5-x2k4q","namespace":"shop"}""")));

        Assert.Equal(("prod-eks", "orders-7d9f8b6c5-x2k4q", "shop"), (request.Cluster, request.Pod, request.Namespace));
    }
}
