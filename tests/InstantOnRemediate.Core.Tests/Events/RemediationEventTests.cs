using System.Text.Json;
using InstantOnRemediate.Core.Events;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Events;

public sealed class RemediationEventTests
{
    private static readonly string Schema = Path.Combine(RepoPaths.Root, "docs", "schemas", "event-detail.v1.json");

    [Fact]
    public void Detail_EveryKind_ValidAgainstShippedSchema()
    {
        var events = SampleEvents.OneOfEachKind();

        Assert.Equal(RemediationEventKinds.All.Order(), events.Select(e => e.Detail.Kind).Distinct().Order());
        JsonSchemaValidator.AssertValid(Schema, events.Select(e => RemediationEventJson.Detail(e.Detail)));
    }

    [Fact]
    public void Schema_KindsSeveritiesAndSources_MatchTheCode()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Schema));
        var properties = schema.RootElement.GetProperty("properties");
        static IEnumerable<string> Enum(JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!);

        Assert.Equal(RemediationEventKinds.All, Enum(properties.GetProperty("kind")));
        Assert.Equal(EventSeverities.All, Enum(properties.GetProperty("severity")));
        Assert.Equal(EventVerdict.Sources, Enum(schema.RootElement.GetProperty("$defs").GetProperty("verdict").GetProperty("properties").GetProperty("source")));
        Assert.Equal(InstantOnRemediate.Core.Classification.RemedyClasses.All, Enum(properties.GetProperty("remedy")));
    }

    [Fact]
    public void Schema_BrokenDetails_Rejected()
    {
        var good = RemediationEventJson.Detail(SampleEvents.OneOfEachKind()[0].Detail);
        var node = System.Text.Json.Nodes.JsonNode.Parse(good)!.AsObject();
        var noCause = node.DeepClone().AsObject();
        noCause.Remove("cause");
        var badSeverity = node.DeepClone().AsObject();
        badSeverity["severity"] = "urgent";
        var extra = node.DeepClone().AsObject();
        extra["podLogs"] = "secret";

        var results = JsonSchemaValidator.Validate(Schema, [noCause.ToJsonString(), badSeverity.ToJsonString(), extra.ToJsonString()]);

        Assert.Contains(results[0], e => e.Contains("'cause' is a required property", StringComparison.Ordinal));
        Assert.Contains(results[1], e => e.StartsWith("severity:", StringComparison.Ordinal));
        Assert.Contains(results[2], e => e.Contains("podLogs", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SameInputs_SameEventIdDifferentTime_DifferentId()
    {
        var scope = SampleEvents.Scope("111111111111", "prod", "ng-al2");
        var a = RemediationEvents.FixVerified(scope, SampleEvents.T0, "vdso", "ok");
        var b = RemediationEvents.FixVerified(scope, SampleEvents.T0, "vdso", "ok");
        var c = RemediationEvents.FixVerified(scope, SampleEvents.T0.AddSeconds(1), "vdso", "ok");

        Assert.Equal(a.Detail.EventId, b.Detail.EventId);
        Assert.NotEqual(a.Detail.EventId, c.Detail.EventId);
    }

    [Fact]
    public void Build_RestoreFailureGroup_EnvelopeFieldsAndSeverity()
    {
        var e = SampleEvents.OneOfEachKind()[0];

        Assert.Equal("instanton-remediate", e.Source);
        Assert.Equal("InstantOn Restore Failure Group", e.DetailType);
        Assert.Equal(["arn:aws:eks:us-east-1:111111111111:cluster/prod"], e.Resources);
        Assert.Equal(EventSeverities.High, e.Detail.Severity);
        Assert.Equal(RemediationEventKinds.RestoreFailureGroup, RemediationEventKinds.FromDetailType(e.DetailType));
        Assert.Contains("7 failed InstantOn restore(s) across 3 pod(s) on prod/ng-al2", e.Detail.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictOf_Nodegroup_StatusSourceKernelMissing()
    {
        var ng = new InstantOnRemediate.Core.Correlation.NodegroupInventory
        {
            Name = "ng-al2", Kernel = "5.10.245", KernelSource = "ssm-probe", Compatible = false, Missing = ["ptrace-get-rseq-conf"], Reason = "lacks rseq ptrace",
        };

        var verdict = EventVerdict.Of(ng);

        Assert.Equal(("incompatible", "ssm-probe", "5.10.245", "lacks rseq ptrace"), (verdict.Status, verdict.Source, verdict.Kernel, verdict.Reason));
        Assert.Equal(["ptrace-get-rseq-conf"], verdict.Missing);
        Assert.Equal("unknown", EventVerdict.Of(ng with { Compatible = null }).Status);
    }

    [Fact]
    public void Kinds_DetailTypesDistinctAndInvertible()
    {
        var types = RemediationEventKinds.All.Select(RemediationEventKinds.DetailType).ToList();

        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.All(RemediationEventKinds.All, k => Assert.Equal(k, RemediationEventKinds.FromDetailType(RemediationEventKinds.DetailType(k))));
        Assert.Null(RemediationEventKinds.FromDetailType("EC2 Instance State-change Notification"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RemediationEventKinds.DetailType("restore-success"));
    }

    [Fact]
    public void Detail_RoundTrip_Equal()
    {
        foreach (var e in SampleEvents.OneOfEachKind())
        {
            var back = RemediationEventJson.ParseDetail(RemediationEventJson.Detail(e.Detail))!;
            Assert.Equal(RemediationEventJson.Detail(e.Detail), RemediationEventJson.Detail(back));
        }
    }
}
