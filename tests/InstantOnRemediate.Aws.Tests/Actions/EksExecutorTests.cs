using System.Text.Json;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Actions;

/// <summary>EKS executors at the request level (a recording IAmazonEks): what they send, and how EKS errors become outcomes.</summary>
public sealed class EksExecutorTests
{
    private static readonly EksLabelNodegroupParameters Label = new EksLabelNodegroupParameters { LabelKey = "instanton.openliberty.io/restore-compatible", LabelValue = "false" };

    [Fact]
    public async Task LabelExecute_GoldenPlanAction_SendsLabelWithStableToken()
    {
        var plan = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.Event("scenarios", "eks-rseq-al2", "expected-plan.json")), CoreJsonContext.Default.Plan)!;
        var action = plan.Actions.Single(a => a.Type == ActionTypes.EksLabelNodegroup);
        var eks = new RecordingEks();
        var executor = new EksLabelNodegroupExecutor(eks);

        var outcome = await executor.ExecuteAsync(action);
        await executor.ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        Assert.Equal("upd-config-1", outcome.Reference);
        var requests = eks.Requests.OfType<UpdateNodegroupConfigRequest>().ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("prod-eks", requests[0].ClusterName);
        Assert.Equal("ng-al2", requests[0].NodegroupName);
        Assert.Equal("false", requests[0].Labels!.AddOrUpdateLabels!["instanton.openliberty.io/restore-compatible"]);
        Assert.Null(requests[0].Taints);
        Assert.Equal(ActionIds.ToClientRequestToken(action.Id), requests[0].ClientRequestToken);
        Assert.Equal(requests[0].ClientRequestToken, requests[1].ClientRequestToken);
    }

    [Fact]
    public async Task LabelUndo_RemovesTheLabel()
    {
        var eks = new RecordingEks();

        var outcome = await new EksLabelNodegroupExecutor(eks).UndoAsync(PlanActions.Create(ActionTypes.EksLabelNodegroup, parameters: Label), UndoOptions.Reversible);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var request = eks.Single<UpdateNodegroupConfigRequest>();
        Assert.Equal(["instanton.openliberty.io/restore-compatible"], request.Labels!.RemoveLabels);
        Assert.Null(request.Labels.AddOrUpdateLabels);
    }

    [Theory]
    [InlineData("ng-al2; rm -rf /", "instanton.openliberty.io/restore-compatible", "false")]
    [InlineData("ng-al2", "bad key!", "false")]
    [InlineData("ng-al2", "instanton.openliberty.io/restore-compatible", "value with spaces")]
    public async Task LabelExecute_InvalidIdentifier_SkippedWithoutCallingEks(string nodegroup, string key, string value)
    {
        var eks = new RecordingEks();
        var action = PlanActions.Create(ActionTypes.EksLabelNodegroup, nodegroup, new EksLabelNodegroupParameters { LabelKey = key, LabelValue = value });

        var outcome = await new EksLabelNodegroupExecutor(eks).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Empty(eks.Requests);
    }

    [Fact]
    public async Task LabelExecute_ResourceInUse_SkippedAnotherUpdateInFlight()
    {
        var eks = new RecordingEks { Failure = new EksServiceException(EksErrorKind.InUse, "ResourceInUseException", "update in progress", 409, "r1") };

        var outcome = await new EksLabelNodegroupExecutor(eks).ExecuteAsync(PlanActions.Create(ActionTypes.EksLabelNodegroup, parameters: Label));

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Contains("another update is in flight", outcome.Reason, StringComparison.Ordinal);
        Assert.False(outcome.Retryable);
    }

    [Theory]
    [InlineData(EksErrorKind.Throttled, 429, true)]
    [InlineData(EksErrorKind.Server, 503, true)]
    [InlineData(EksErrorKind.AccessDenied, 403, false)]
    [InlineData(EksErrorKind.Invalid, 400, false)]
    public async Task TaintExecute_EksError_FailedWithRetryability(EksErrorKind kind, int status, bool retryable)
    {
        var eks = new RecordingEks { Failure = new EksServiceException(kind, "Code", "message", status, "r1") };
        var action = PlanActions.Create(ActionTypes.EksTaintNodegroup, parameters: new EksTaintNodegroupParameters
        {
            TaintKey = "instanton.openliberty.io/restore-incompatible", TaintValue = "true", TaintEffect = "NO_SCHEDULE",
        });

        var outcome = await new EksTaintNodegroupExecutor(eks).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Failed, outcome.Status);
        Assert.Equal(retryable, outcome.Retryable);
        Assert.Equal("NO_SCHEDULE", eks.Single<UpdateNodegroupConfigRequest>().Taints!.AddOrUpdateTaints![0].Effect);
    }

    [Fact]
    public async Task UpdateVersion_CustomAmiNodegroup_SkippedWithoutUpdate()
    {
        var eks = new RecordingEks { Described = new Nodegroup { NodegroupName = "ng-custom", AmiType = "CUSTOM", ReleaseVersion = "ami-0123456789abcdef0" } };
        var action = PlanActions.Create(ActionTypes.EksUpdateNodegroupVersion, "ng-custom", new EksUpdateNodegroupVersionParameters { ReleaseVersion = "1.32.13-20260714" }, disruptive: true);

        var outcome = await new EksUpdateNodegroupVersionExecutor(eks).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Contains("custom AMI", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(eks.Requests.OfType<UpdateNodegroupVersionRequest>());
    }

    [Fact]
    public async Task UpdateVersion_ManagedAmi_SendsReleaseVersionOnly()
    {
        var eks = new RecordingEks { Described = new Nodegroup { NodegroupName = "ng-br", AmiType = "BOTTLEROCKET_x86_64", ReleaseVersion = "1.20.5" } };
        var action = PlanActions.Create(ActionTypes.EksUpdateNodegroupVersion, "ng-br", new EksUpdateNodegroupVersionParameters { ReleaseVersion = "1.32.0" }, disruptive: true);

        var outcome = await new EksUpdateNodegroupVersionExecutor(eks).ExecuteAsync(action);

        Assert.Equal(("executed", "upd-version-1"), (outcome.Status, outcome.Reference));
        var request = eks.Single<UpdateNodegroupVersionRequest>();
        Assert.Equal("1.32.0", request.ReleaseVersion);
        Assert.Null(request.Version);
        Assert.Null(request.LaunchTemplate);
        Assert.Equal(ActionIds.ToClientRequestToken(action.Id), request.ClientRequestToken);
    }

    [Fact]
    public async Task CreateNodegroup_GoldenClone_SendsCloneWithCompatibleAmiType()
    {
        var plan = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.Event("scenarios", "approved-clone", "expected-plan.json")), CoreJsonContext.Default.Plan)!;
        var action = plan.Actions.Single(a => a.Type == ActionTypes.EksCreateNodegroup);
        var eks = new RecordingEks();
        var executors = new ActionExecutors([new EksCreateNodegroupExecutor(eks)]);

        var outcome = await executors.ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Executed, outcome.Status);
        var request = eks.Single<CreateNodegroupRequest>();
        Assert.Equal("ng-al2-al2023", request.NodegroupName);
        Assert.Equal("AL2023_x86_64_STANDARD", request.AmiType);
        Assert.Equal(["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"], request.Subnets);
        Assert.Equal("arn:aws:iam::123456789012:role/eks-node-role", request.NodeRole);
        Assert.Equal(["m6i.xlarge"], request.InstanceTypes);
        Assert.Equal((1, 6, 3), (request.ScalingConfig!.MinSize, request.ScalingConfig.MaxSize, request.ScalingConfig.DesiredSize));
        Assert.Equal("payments", request.Labels!["team"]);
        Assert.False(request.Labels.ContainsKey("instanton.openliberty.io/restore-compatible"));
        Assert.Equal(action.Id, request.Tags![EksCreateNodegroupExecutor.CreatedByTag]);
        Assert.Null(request.LaunchTemplate);
        Assert.Equal(ActionIds.ToClientRequestToken(action.Id), request.ClientRequestToken);
    }

    [Fact]
    public async Task CreateNodegroupUndo_OnlyWithExplicitRequestAndOwnTag()
    {
        var plan = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.Event("scenarios", "approved-clone", "expected-plan.json")), CoreJsonContext.Default.Plan)!;
        var action = plan.Actions.Single(a => a.Type == ActionTypes.EksCreateNodegroup);
        var eks = new RecordingEks { Described = new Nodegroup { NodegroupName = "ng-al2-al2023", Tags = new() { [EksCreateNodegroupExecutor.CreatedByTag] = action.Id } } };
        var executor = new EksCreateNodegroupExecutor(eks);

        var kept = await executor.UndoAsync(action, UndoOptions.Reversible);
        Assert.Equal(ActionStatuses.Skipped, kept.Status);
        Assert.Empty(eks.Requests);

        var deleted = await executor.UndoAsync(action, new UndoOptions { DeleteCreatedNodegroup = true });
        Assert.Equal(ActionStatuses.Executed, deleted.Status);
        Assert.Equal("ng-al2-al2023", eks.Single<DeleteNodegroupRequest>().NodegroupName);

        eks.Described = new Nodegroup { NodegroupName = "ng-al2-al2023", Tags = [] };
        var foreign = await executor.UndoAsync(action, new UndoOptions { DeleteCreatedNodegroup = true });
        Assert.Equal(ActionStatuses.Skipped, foreign.Status);
        Assert.Single(eks.Requests.OfType<DeleteNodegroupRequest>());
    }

    [Fact]
    public async Task CreateNodegroup_NameLongerThan63_Skipped()
    {
        var eks = new RecordingEks();
        var action = PlanActions.Create(ActionTypes.EksCreateNodegroup, parameters: new EksCreateNodegroupParameters
        {
            NodegroupName = new string('n', 60) + "-al2023", SourceNodegroup = "ng-al2", AmiType = "AL2023_x86_64_STANDARD",
            Subnets = ["subnet-0a1b2c3d4e5f60718"], InstanceTypes = ["m6i.large"], NodeRole = "arn:aws:iam::123456789012:role/r",
            MinSize = 1, MaxSize = 2, DesiredSize = 1,
        }, disruptive: true);

        var outcome = await new EksCreateNodegroupExecutor(eks).ExecuteAsync(action);

        Assert.Equal(ActionStatuses.Skipped, outcome.Status);
        Assert.Contains("63", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(eks.Requests);
    }
}
