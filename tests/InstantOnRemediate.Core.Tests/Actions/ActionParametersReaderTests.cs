using System.Text.Json;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Tests.Actions;

/// <summary>
/// One reader for every persisted action: <c>action#&lt;id&gt;</c> rows, golden plans and pending approvals written
/// before parameters were typed (a string dictionary: lists comma-joined, numbers and flags as text) read into the
/// same typed record as the current shape. Each old row below is the literal shape an earlier version wrote.
/// </summary>
public sealed class ActionParametersReaderTests
{
    /// <summary>An action#&lt;id&gt; row's "action" attribute as the previous version wrote it (compact, string parameters).</summary>
    private const string OldCreateRow =
        """{"id":"5c1f0e2d9a8b7c6d5e4f3a2b1c0d9e8f","type":"eks-create-nodegroup","target":{"cluster":"prod-eks","nodegroup":"ng-al2","instanceIds":[],"recipient":null},"parameters":{"amiType":"AL2023_x86_64_STANDARD","capacityType":"ON_DEMAND","desiredSize":"3","instanceTypes":"m6i.xlarge","kubernetesVersion":"1.31","labels":"team=payments","maxSize":"6","minSize":"1","nodeRole":"arn:aws:iam::123456789012:role/eks-node-role","nodegroupName":"ng-al2-al2023","sourceNodegroup":"ng-al2","subnets":"subnet-0a1b2c3d4e5f60718,subnet-0a1b2c3d4e5f60719"},"status":"awaiting-approval","reason":"no compatible node group exists","cause":"rseq-ptrace-unsupported","findingIds":["f-1"],"disruptive":true,"undo":"delete node group ng-al2-al2023","mode":"recommend","reference":null}""";

    [Fact]
    public void Read_OldCreateRow_TypedCloneThatValidates()
    {
        var action = Read(OldCreateRow);

        var p = Assert.IsType<EksCreateNodegroupParameters>(action.Parameters);
        Assert.Equal(("ng-al2", "ng-al2-al2023", "AL2023_x86_64_STANDARD", "ON_DEMAND", "1.31"), (p.SourceNodegroup, p.NodegroupName, p.AmiType, p.CapacityType, p.KubernetesVersion));
        Assert.Equal((1, 6, 3), (p.MinSize, p.MaxSize, p.DesiredSize));
        Assert.Equal(["m6i.xlarge"], p.InstanceTypes);
        Assert.Equal(["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"], p.Subnets);
        Assert.Equal("payments", Assert.Single(p.Labels, l => l.Key == "team").Value);
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldLabelRow_TypedLabel()
    {
        var action = Read(Row("eks-label-nodegroup", """{"labelKey":"instanton.openliberty.io/restore-compatible","labelValue":"false"}"""));

        var p = Assert.IsType<EksLabelNodegroupParameters>(action.Parameters);
        Assert.Equal(("instanton.openliberty.io/restore-compatible", "false"), (p.LabelKey, p.LabelValue));
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldTaintRow_TypedTaint()
    {
        var action = Read(Row("eks-taint-nodegroup", """{"taintEffect":"NO_SCHEDULE","taintKey":"instanton.openliberty.io/restore-incompatible","taintValue":"true"}"""));

        var p = Assert.IsType<EksTaintNodegroupParameters>(action.Parameters);
        Assert.Equal(("instanton.openliberty.io/restore-incompatible", "true", "NO_SCHEDULE"), (p.TaintKey, p.TaintValue, p.TaintEffect));
        Assert.False(ActionKinds.Of(action.Type).IsDisruptive(action));
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldVersionUpdateRow_TypedRelease()
    {
        var action = Read(Row("eks-update-nodegroup-version", """{"currentReleaseVersion":"1.20.5","releaseVersion":"1.32.0"}"""));

        var p = Assert.IsType<EksUpdateNodegroupVersionParameters>(action.Parameters);
        Assert.Equal(("1.32.0", "1.20.5"), (p.ReleaseVersion, p.CurrentReleaseVersion));
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldSsmRow_NumbersAndFlagsTyped()
    {
        var action = Read(Row("ssm-run-command", """{"documentName":"InstantOnRemediate-prod-YamaPtraceScope","maxConcurrency":"10%","maxErrors":"1","readOnly":"false","timeoutSeconds":"600"}""", instanceIds: """["i-0123456789abcdef0"]"""));

        var p = Assert.IsType<SsmRunCommandParameters>(action.Parameters);
        Assert.Equal(("InstantOnRemediate-prod-YamaPtraceScope", "10%", "1", 600, false), (p.DocumentName, p.MaxConcurrency, p.MaxErrors, p.TimeoutSeconds, p.ReadOnly));
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldNotifyRow_ListsAndCountsTyped()
    {
        var action = Read(Row("notify", """{"actions":"eks-label-nodegroup ng-al2 (planned); eks-migrate-nodegroup ng-al2 (awaiting-approval)","affinity":"requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions[]: {key: instanton.openliberty.io/restore-compatible, operator: NotIn, values: [false]}","cause":"rseq-ptrace-unsupported","compatibleNodegroups":"","failures":"4","firstSeen":"2026-03-14T09:55Z","fix":"run InstantOn pods on nodes with kernel >= 5.13","nodegroups":"ng-al2,ng-al2-b","oldFailures":"1","paused":"true","podNames":"shop/shop-7d9f-0,shop/shop-7d9f-1,shop/shop-7d9f-2","pods":"3","remedy":"node-kernel","windowMinutes":"30"}"""));

        var p = Assert.IsType<NotifyParameters>(action.Parameters);
        Assert.Equal((4, (int?)1, 3, 30, (bool?)true), (p.Failures, p.OldFailures, p.Pods, p.WindowMinutes, p.Paused));
        Assert.Equal(["shop/shop-7d9f-0", "shop/shop-7d9f-1", "shop/shop-7d9f-2"], p.PodNames);
        Assert.Equal(["ng-al2", "ng-al2-b"], p.Nodegroups);
        Assert.Empty(p.CompatibleNodegroups!);
        Assert.Equal(("rseq-ptrace-unsupported", "node-kernel", "2026-03-14T09:55Z"), (p.Cause, p.Remedy, p.FirstSeen));
        Assert.Equal(["eks-label-nodegroup ng-al2 (planned); eks-migrate-nodegroup ng-al2 (awaiting-approval)"], p.Actions!);
        Assert.Equal(2, PlanActionKeys.KeysOf(action with { Target = action.Target with { Nodegroup = null } }).Count);
    }

    [Fact]
    public void Read_OldNoneRow_NoParameters()
    {
        var action = Read(Row("none", "{}"));

        Assert.IsType<NoParameters>(action.Parameters);
    }

    [Fact]
    public void Read_OldMigrationRow_LabelsTaintsAndScalingTyped()
    {
        var action = Read(Row("eks-migrate-nodegroup", """{"amiType":"AL2023_x86_64_STANDARD","capacityType":"ON_DEMAND","createTarget":"true","desiredSize":"3","drainStep":"1","fence":"taint","fenceEffect":"NO_SCHEDULE","fenceKey":"instanton.openliberty.io/restore-incompatible","fenceValue":"true","instanceTypes":"m6i.xlarge","kubernetesVersion":"1.31","labels":"team=payments","maxSize":"6","minSize":"1","nodeRole":"arn:aws:iam::123456789012:role/eks-node-role","retire":"keep-at-zero","subnets":"subnet-0a1b2c3d4e5f60718,subnet-0a1b2c3d4e5f60719","taints":"dedicated=shop:NO_SCHEDULE,gpu:NO_EXECUTE","targetNodegroup":"ng-al2-al2023"}"""));

        var p = Assert.IsType<EksMigrateNodegroupParameters>(action.Parameters);
        Assert.Equal(("ng-al2-al2023", true, 1, 6, 3, 1), (p.TargetNodegroup, p.CreateTarget, p.MinSize, p.MaxSize, p.DesiredSize, p.DrainStep));
        Assert.Equal([new("dedicated", "shop", "NO_SCHEDULE"), new("gpu", null, "NO_EXECUTE")], p.Taints!);
        Assert.Equal("payments", p.Labels!["team"]);
        Assert.False(p.IsRetire);
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldMigrationRetireRow_RetireStage()
    {
        var action = Read(Row("eks-migrate-nodegroup", """{"migrationId":"5c1f0e2d9a8b7c6d5e4f3a2b1c0d9e8f","stage":"retire","targetNodegroup":"ng-al2-al2023"}"""));

        var p = Assert.IsType<EksMigrateNodegroupParameters>(action.Parameters);
        Assert.True(p.IsRetire);
        Assert.Equal(("5c1f0e2d9a8b7c6d5e4f3a2b1c0d9e8f", "ng-al2-al2023"), (p.MigrationId, p.TargetNodegroup));
        Assert.Null(ActionKinds.Of(action.Type).Validate(action));
    }

    [Fact]
    public void Read_OldRow_WrittenBackInTheTypedShapeAndReadAgainUnchanged()
    {
        var action = Read(OldCreateRow);

        var written = JsonSerializer.Serialize(action, CoreJsonContext.Default.PlanAction);
        var again = JsonSerializer.Deserialize(written, CoreJsonContext.Default.PlanAction)!;

        Assert.Contains("\"minSize\": 1,", written, StringComparison.Ordinal);
        Assert.Contains("\"subnets\": [", written, StringComparison.Ordinal);
        Assert.Equal(written, JsonSerializer.Serialize(again, CoreJsonContext.Default.PlanAction));
    }

    [Fact]
    public void Read_DamagedOldLabels_UnreadableActionThatDoesNotValidateNorCrash()
    {
        var action = Read(Row("eks-create-nodegroup", """{"labels":"team","nodegroupName":"ng-al2-al2023"}"""));

        var unread = Assert.IsType<UnreadParameters>(action.Parameters);
        Assert.Contains("labels 'team' is not key=value", unread.Problem, StringComparison.Ordinal);
        Assert.Equal(unread.Problem, ActionKinds.Of(action.Type).Validate(action));
        Assert.True(ActionKinds.Of(action.Type).IsDisruptive(action));
    }

    [Fact]
    public void Read_NumberAsWrongText_Unreadable()
    {
        var action = Read(Row("ssm-run-command", """{"documentName":"d","timeoutSeconds":"ten minutes"}"""));

        Assert.Contains("timeoutSeconds 'ten minutes' is not a whole number", Assert.IsType<UnreadParameters>(action.Parameters).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownType_KeptAsWrittenAndWrittenBackUnchanged()
    {
        var row = Row("eks-future-kind", """{"answer":42}""");

        var action = Read(row);

        Assert.Equal("unknown action type 'eks-future-kind'", Assert.IsType<UnreadParameters>(action.Parameters).Problem);
        Assert.Contains("\"parameters\":{\"answer\":42}", JsonSerializer.Serialize(action, Compact.PlanAction), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TypedActions))]
    public void Read_EveryKindInTheTypedShape_RoundTrips(string type, ActionParameters parameters)
    {
        var action = new PlanAction
        {
            Id = "a-1", Type = type, Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = "ng-al2" }, Parameters = parameters,
            Status = ActionStatuses.Planned, Reason = "test",
        };

        var written = JsonSerializer.Serialize(action, Compact.PlanAction);
        var read = JsonSerializer.Deserialize(written, Compact.PlanAction)!;

        Assert.Equal(parameters.GetType(), read.Parameters.GetType());
        Assert.Equal(written, JsonSerializer.Serialize(read, Compact.PlanAction));
    }

    public static TheoryData<string, ActionParameters> TypedActions() => new()
    {
        { ActionTypes.Notify, new NotifyParameters { Cause = "vdso", Failures = 2, PodNames = ["a/b"], Nodegroups = ["ng-al2"], Paused = true, CompatibleNodegroups = [] } },
        { ActionTypes.EksLabelNodegroup, new EksLabelNodegroupParameters { LabelKey = "k", LabelValue = "v" } },
        { ActionTypes.EksTaintNodegroup, new EksTaintNodegroupParameters { TaintKey = "k", TaintValue = "v", TaintEffect = "NO_EXECUTE" } },
        { ActionTypes.EksUpdateNodegroupVersion, new EksUpdateNodegroupVersionParameters { ReleaseVersion = "1.32.0", CurrentReleaseVersion = "1.20.5" } },
        { ActionTypes.EksCreateNodegroup, new EksCreateNodegroupParameters { NodegroupName = "ng-b", Subnets = ["subnet-1", "subnet-2"], Labels = new Dictionary<string, string> { ["a"] = "b" }, MaxSize = 3 } },
        { ActionTypes.SsmRunCommand, new SsmRunCommandParameters { DocumentName = "d", TimeoutSeconds = 600, ReadOnly = true } },
        { ActionTypes.None, new NoParameters() },
        { ActionTypes.EksMigrateNodegroup, new EksMigrateNodegroupParameters { TargetNodegroup = "ng-b", CreateTarget = true, Taints = [new("k", null, "NO_SCHEDULE")], TargetDesiredSize = 4 } },
    };

    [Fact]
    public void TypedActions_CoverEveryKind()
    {
        Assert.Equal(ActionKinds.Names.Order(), TypedActions().Select(row => (string)row[0]).Order());
        Assert.All(TypedActions(), row => Assert.Equal(ActionKinds.Of((string)row[0]).ParametersType, row[1].GetType()));
    }

    private static readonly CoreJsonContext Compact = new(new JsonSerializerOptions(CoreJsonContext.Default.Options) { WriteIndented = false });

    private static PlanAction Read(string row) => JsonSerializer.Deserialize(row, Compact.PlanAction)!;

    private static string Row(string type, string parameters, string instanceIds = "[]") =>
        $$"""{"id":"0123456789abcdef0123456789abcdef","type":"{{type}}","target":{"cluster":"prod-eks","nodegroup":"ng-al2","instanceIds":{{instanceIds}},"recipient":null},"parameters":{{parameters}},"status":"executed","reason":"r","cause":"rseq-ptrace-unsupported","findingIds":[],"disruptive":false,"undo":null,"mode":"enforce","reference":null}""";
}
