using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Policy;

public sealed class PolicyLoaderTests
{
    public static TheoryData<string> ShippedPolicyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "infra", "policy"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        foreach (var file in Directory.GetDirectories(Path.Combine(RepoPaths.Events, "scenarios")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, Path.Combine(file, "policy.json")));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedPolicyFiles))]
    public void Load_ShippedPolicyFile_IsValid(string relativePath)
    {
        var set = PolicyLoader.Load(Path.Combine(RepoPaths.Root, relativePath));

        Assert.Contains(set.Account.Mode, Modes.All);
        foreach (var cluster in set.OverriddenClusters)
        {
            Assert.Contains(set.For(cluster).Mode, Modes.All);
        }
    }

    [Fact]
    public void LoadDefault_EmbeddedPolicy_HasDocumentedDefaults()
    {
        var policy = PolicyLoader.LoadDefault().Account;

        Assert.Equal(Modes.Recommend, policy.Mode);
        Assert.Equal("instanton.openliberty.io/restore-compatible", policy.Markers.Label.Key);
        Assert.Equal("false", policy.Markers.Label.Value);
        Assert.Equal("instanton.openliberty.io/restore-incompatible", policy.Markers.Taint.Key);
        Assert.Equal("NO_SCHEDULE", policy.Markers.Taint.Effect);
        Assert.Equal("/instanton-remediate/paused", policy.Pause.ParameterName);
        Assert.Equal("AL2023_x86_64_STANDARD", policy.AmiTypeMigrations.Single(m => m.From == "AL2_x86_64").To);
        Assert.Equal(("yama-ptrace-scope", "{stack:yama-ptrace-scope}", false), (policy.Ssm.Documents["ptrace-restricted"].Document, policy.Ssm.Documents["ptrace-restricted"].Name, policy.Ssm.Documents["ptrace-restricted"].IsResolved));
        Assert.Equal("node-diagnostics", policy.Ssm.Diagnostics!.Document);
        Assert.True(policy.Approval.RequiredForDisruptive);
        Assert.Equal(1, policy.BlastRadius.MaxNodegroupUpdatesInFlightPerCluster);
    }

    [Fact]
    public void LoadDefault_EmbeddedPolicy_EqualsInfraDefault()
    {
        var embedded = PolicyLoader.LoadDefault().Account;
        var infra = PolicyLoader.Load(Path.Combine(RepoPaths.Root, "infra", "policy", "default.json")).Account;

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(embedded with { Schema = null }, Json.CoreJsonContext.Default.RemediationPolicy),
            System.Text.Json.JsonSerializer.Serialize(infra with { Schema = null }, Json.CoreJsonContext.Default.RemediationPolicy));
    }

    [Fact]
    public void Parse_ClusterOverride_MergesObjectsAndReplacesScalars()
    {
        var set = PolicyLoader.Parse("""
            { "version": 1, "mode": "enforce",
              "thresholds": { "failures": 5, "distinctPods": 2, "windowMinutes": 30 },
              "loopGuard": { "ignoreLogGroupPrefixes": ["/a", "/b"] },
              "clusters": { "payments": { "mode": "recommend", "thresholds": { "failures": 9 }, "loopGuard": { "ignoreLogGroupPrefixes": ["/c"] } } } }
            """, "test");

        var payments = set.For("payments");
        Assert.Equal(Modes.Recommend, payments.Mode);
        Assert.Equal(9, payments.Thresholds.Failures);
        Assert.Equal(30, payments.Thresholds.WindowMinutes);
        Assert.Equal(["/c"], payments.LoopGuard.IgnoreLogGroupPrefixes);
        Assert.Equal(5, set.For("other").Thresholds.Failures);
        Assert.Equal(Modes.Enforce, set.For(null).Mode);
    }

    [Theory]
    [InlineData("""{ "mode": "yolo" }""", "policy.mode")]
    [InlineData("""{ "thresholds": { "failures": 0 } }""", "policy.thresholds.failures")]
    [InlineData("""{ "thresholds": { "failures": 2, "distinctPods": 3 } }""", "policy.thresholds.distinctPods")]
    [InlineData("""{ "actionModes": { "eks-delete-everything": "enforce" } }""", "policy.actionModes.eks-delete-everything")]
    [InlineData("""{ "markers": { "label": { "key": "bad key!", "value": "false" } } }""", "policy.markers.label.key")]
    [InlineData("""{ "markers": { "label": { "value": "a-value-that-is-far-too-long-for-kubernetes-labels-which-stop-at-63" } } }""", "policy.markers.label.value")]
    [InlineData("""{ "markers": { "taint": { "effect": "NoSchedule" } } }""", "policy.markers.taint.effect")]
    [InlineData("""{ "maintenanceWindows": [ { "days": ["someday"], "startHour": 2, "endHour": 6 } ] }""", "policy.maintenanceWindows[0].days")]
    [InlineData("""{ "maintenanceWindows": [ { "days": ["sun"], "startHour": 6, "endHour": 2 } ] }""", "policy.maintenanceWindows[0].endHour")]
    [InlineData("""{ "pause": { "parameterName": "paused" } }""", "policy.pause.parameterName")]
    [InlineData("""{ "notifications": { "topicArn": "not-an-arn" } }""", "policy.notifications.topicArn")]
    [InlineData("""{ "ssm": { "documents": { "ptrace-restricted": { "name": "AWS-RunShellScript", "description": "anything" } } } }""", "policy.ssm.documents.ptrace-restricted.name")]
    [InlineData("""{ "ssm": { "documents": { "missing-capability": { "name": "Fixer", "description": "x" } } } }""", "policy.ssm.documents.missing-capability")]
    [InlineData("""{ "ssm": { "documents": { "ptrace-restricted": { "document": null, "name": "InstantOnRemediate-SetYamaPtraceScope" } } } }""", "policy.ssm.documents.ptrace-restricted.name")]
    [InlineData("""{ "ssm": { "documents": { "ptrace-restricted": { "document": "set-yama" } } } }""", "policy.ssm.documents.ptrace-restricted.document")]
    [InlineData("""{ "ssm": { "documents": { "ptrace-restricted": { "external": true, "name": "Org-SetYama" } } } }""", "policy.ssm.documents.ptrace-restricted.document")]
    [InlineData("""{ "ssm": { "diagnostics": { "undoName": "Org-Undo" } } }""", "policy.ssm.diagnostics.undoName")]
    [InlineData("""{ "ssm": { "diagnostics": { "document": null, "external": true, "name": "AWS-RunShellScript" } } }""", "policy.ssm.diagnostics.name")]
    [InlineData("""{ "blastRadius": { "maxNodegroupShareTouchedPerWindow": 1.5 } }""", "policy.blastRadius.maxNodegroupShareTouchedPerWindow")]
    [InlineData("""{ "nodegroupUpdates": { "via": "ssm-automation" } }""", "policy.nodegroupUpdates.via")]
    [InlineData("""{ "loopGuard": { "ignoreLogGroupPrefixes": [""] } }""", "policy.loopGuard.ignoreLogGroupPrefixes[0]")]
    [InlineData("""{ "thresholds": { "failurs": 3 } }""", "policy.thresholds")]
    [InlineData("""{ "clusters": { "payments": { "thresholds": { "windowMinutes": -1 } } } }""", "policy.clusters.payments.thresholds.windowMinutes")]
    [InlineData("""{ "clusters": { "bad name": { } } }""", "policy.clusters.bad name")]
    public void Parse_InvalidField_ErrorNamesTheField(string json, string field)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json, "test.json"));

        Assert.Contains(error.Errors, e => e.StartsWith(field, StringComparison.Ordinal));
        Assert.Contains("test.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse("""{ "mode": "x", "thresholds": { "failures": 0 }, "pause": { "parameterName": "p" } }""", "t"));

        Assert.Contains(error.Errors, e => e.StartsWith("policy.mode", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("policy.thresholds.failures", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("policy.pause.parameterName", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PartialDocument_TakesShippedDefaultsForTheRest()
    {
        var policy = PolicyLoader.Parse("""{ "mode": "enforce" }""", "t").Account;

        Assert.Equal(Modes.Enforce, policy.Mode);
        Assert.Equal(3, policy.AmiTypeMigrations.Count);
        Assert.Equal(Modes.Recommend, ModeOrder.ForAction(policy, ActionTypes.EksCreateNodegroup));
    }

    [Fact]
    public void Parse_NotJson_ClearError()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse("{ mode: ", "broken.json"));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithModeCap_Observe_CapsAccountAndClusters()
    {
        var set = PolicyLoader.Parse("""{ "mode": "enforce", "clusters": { "a": { "mode": "recommend" } } }""", "t").WithModeCap(Modes.Observe);

        Assert.Equal(Modes.Observe, set.Account.Mode);
        Assert.Equal(Modes.Observe, set.For("a").Mode);
        Assert.Equal(Modes.Observe, ModeOrder.ForAction(set.Account, ActionTypes.EksLabelNodegroup));
    }
}
