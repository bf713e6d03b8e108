using System.Text.Json;
using InstantOnRemediate.Core.Notifications;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Notifications;

public sealed class AlertFormatterTests
{
    private static readonly string AlertSchema = Path.Combine(RepoPaths.Root, "docs", "schemas", "alert.v1.json");

    /// <summary>The documented custom-notification fields (Chatbot admin guide, "Custom notifications", event schema).</summary>
    private static readonly string[] TopLevel = ["version", "source", "id", "content", "metadata"];
    private static readonly string[] ContentFields = ["textType", "title", "description", "nextSteps", "keywords"];
    private static readonly string[] MetadataFields = ["threadId", "summary", "eventType", "relatedResources", "additionalContext"];

    [Fact]
    public void Https_IsAChatbotCustomNotification_FieldByField()
    {
        var alert = SampleAlerts.EksRseq();

        var messages = AlertFormatter.Format(alert, SampleAlerts.Delivery);

        using var doc = JsonDocument.Parse(messages.Https);
        var root = doc.RootElement;
        Assert.All(root.EnumerateObject(), p => Assert.Contains(p.Name, TopLevel));
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("custom", root.GetProperty("source").GetString());
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("id").GetString());
        var content = root.GetProperty("content");
        Assert.All(content.EnumerateObject(), p => Assert.Contains(p.Name, ContentFields));
        Assert.Equal("client-markdown", content.GetProperty("textType").GetString());
        Assert.Equal(":red_circle: " + alert.Subject, content.GetProperty("title").GetString());
        var description = content.GetProperty("description").GetString()!;
        Assert.StartsWith("*WHAT HAPPENED*\n", description, StringComparison.Ordinal);
        Assert.Contains("```\nCWWKE0961I: Restore of the checkpoint failed '''\n", description, StringComparison.Ordinal);
        Assert.InRange(description.Length, 1, AlertFormatter.MaxChatDescription);
        var steps = content.GetProperty("nextSteps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal("Fix: Run the workload on AL2023 nodes.", steps[0]);
        Assert.StartsWith("Approve: `aws lambda invoke --function-name instanton-remediate-runbook", steps[1], StringComparison.Ordinal);
        Assert.StartsWith("Pause all automatic actions: `aws lambda invoke", steps[^1], StringComparison.Ordinal);
        Assert.Equal(["prod-eks", "ng-al2-general", "rseq-ptrace-unsupported", "node-kernel", "high"], content.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var metadata = root.GetProperty("metadata");
        Assert.All(metadata.EnumerateObject(), p => Assert.Contains(p.Name, MetadataFields));
        Assert.Equal("instanton-111111111111-prod-eks-ng-al2-general-rseq-ptrace-unsupported", metadata.GetProperty("threadId").GetString());
        Assert.Equal(alert.Subject, metadata.GetProperty("summary").GetString());
        Assert.Equal("InstantOnRestoreFailure", metadata.GetProperty("eventType").GetString());
        Assert.Equal(["arn:aws:eks:us-west-2:111111111111:cluster/prod-eks"], metadata.GetProperty("relatedResources").EnumerateArray().Select(r => r.GetString()));
        Assert.All(metadata.GetProperty("additionalContext").EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("us-west-2", metadata.GetProperty("additionalContext").GetProperty("region").GetString());
    }

    [Fact]
    public void Machine_ValidAgainstAlertSchema_WithAccountRegionAndTypedFacts()
    {
        var messages = AlertFormatter.Format(SampleAlerts.EksRseq(), SampleAlerts.Delivery);

        JsonSchemaValidator.AssertValid(AlertSchema, [messages.Machine]);
        using var doc = JsonDocument.Parse(messages.Machine);
        var root = doc.RootElement;
        Assert.Equal(("111111111111", "us-west-2", "prod-eks", "ng-al2-general", 1), (root.GetProperty("account").GetString(), root.GetProperty("region").GetString(), root.GetProperty("cluster").GetString(), root.GetProperty("nodegroup").GetString(), root.GetProperty("pods").GetInt32()));
        Assert.Equal(messages.Default, root.GetProperty("text").GetString());
        Assert.False(root.GetProperty("textTruncated").GetBoolean());
    }

    [Fact]
    public void Schema_MachineWithUnknownRemedyOrMissingText_Rejected()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(AlertFormatter.Format(SampleAlerts.EksRseq(), SampleAlerts.Delivery).Machine)!.AsObject();
        var badRemedy = node.DeepClone().AsObject();
        badRemedy["remedy"] = "reboot";
        var noText = node.DeepClone().AsObject();
        noText.Remove("text");

        var results = JsonSchemaValidator.Validate(AlertSchema, [badRemedy.ToJsonString(), noText.ToJsonString()]);

        Assert.Contains(results[0], e => e.StartsWith("remedy:", StringComparison.Ordinal));
        Assert.Contains(results[1], e => e.Contains("'text' is a required property", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultAndEmail_AreTheAlertText()
    {
        var alert = SampleAlerts.EksRseq();

        var messages = AlertFormatter.Format(alert, SampleAlerts.Delivery);

        Assert.Equal(alert.Body, messages.Default);
        Assert.Equal(alert.Body, messages.Email);
        Assert.Equal(alert.Subject, messages.Subject);
    }

    [Fact]
    public void Attributes_AccountAndRegionAdded_AtMostTenPodCountDropped()
    {
        var alert = SampleAlerts.EksRseq();

        var attributes = AlertFormatter.Attributes(alert, SampleAlerts.Delivery);

        Assert.Equal(9, alert.Attributes.Count);
        Assert.Equal(["account", "region", "cluster", "nodegroup", "cause", "remedy", "severity", "verdict", "planId", "mode"], attributes.Keys);
        Assert.Equal(("111111111111", "us-west-2"), (attributes["account"], attributes["region"]));
    }

    [Fact]
    public void Attributes_NoAccountKnown_AlertAttributesUnchanged()
    {
        var alert = SampleAlerts.EksRseq();

        var attributes = AlertFormatter.Attributes(alert, new AlertDelivery { OccurredAt = SampleAlerts.At });

        Assert.Equal(alert.Attributes.OrderBy(a => a.Key), attributes.OrderBy(a => a.Key));
    }

    [Fact]
    public void Shorten_CutsAtALineWithANoteAndNeverInsideASurrogatePair()
    {
        var text = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"line {i} 😀😀😀"));

        var (shortened, truncated) = AlertFormatter.Shorten(text, 1000);

        Assert.True(truncated);
        Assert.True(shortened.Length <= 1000);
        Assert.Contains("alert shortened to fit", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(shortened)));
        Assert.Equal((text, false), AlertFormatter.Shorten(text, text.Length));
    }

    [Fact]
    public void ThreadId_LongGroupKey_BoundedAndStable()
    {
        var alert = SampleAlerts.EksRseq() with { GroupKey = new string('c', 100) + "/" + new string('n', 63) + "/rseq-ptrace-unsupported" };

        var a = AlertFormatter.ThreadId(alert, SampleAlerts.Delivery);

        Assert.Equal(AlertFormatter.MaxThreadId, a.Length);
        Assert.Matches("^[A-Za-z0-9-]+$", a);
        Assert.Equal(a, AlertFormatter.ThreadId(alert, SampleAlerts.Delivery));
        Assert.NotEqual(a, AlertFormatter.ThreadId(alert with { GroupKey = alert.GroupKey + "x" }, SampleAlerts.Delivery));
    }
}
