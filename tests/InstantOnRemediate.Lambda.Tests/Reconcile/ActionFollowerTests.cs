using Amazon.Runtime;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Application.Reconcile;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Reconcile;

/// <summary>
/// The follower over the hand-written EKS client at the HTTP level: a loopback endpoint answers with AWS-shaped
/// DescribeUpdate / DescribeNodegroup bodies (moto has no DescribeUpdate); the requests it sends are checked.
/// </summary>
public sealed class ActionFollowerTests
{
    private static InFlightAction Label(string updateId) => new()
    {
        ActionId = "9db236fcbe1ed68aad5148615bab2dfe", Type = "eks-label-nodegroup", Cluster = "prod-eks", Nodegroup = "ng-al2-general", Cause = "rseq-ptrace-unsupported",
        Reference = updateId, StartedAt = new DateTimeOffset(2025, 5, 8, 10, 45, 0, TimeSpan.Zero),
    };

    private static AwsClientFactory Clients(LoopbackHttpServer server)
    {
        TestEnvironment.ApplyStaticCredentials();
        return new AwsClientFactory(new AwsSettings
        {
            Region = MotoServer.Region, GlobalEndpoint = server.Endpoint, Credentials = new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            Retry = new AwsRetryPolicy { MaxAttempts = 1 },
        }, TimeProvider.System, SharedRandomJitter.Instance);
    }

    private static string Update(string status, string errors = "[]") => $$$"""
        {"update":{"id":"0c7a9d1e-5b8f-3a2c-9e4d-7f6b1a0c2d3e","status":"{{{status}}}","type":"ConfigUpdate",
          "params":[{"type":"LabelsToAdd","value":"{\"instanton.openliberty.io/restore-compatible\":\"false\"}"}],
          "createdAt":1746701100.123,"errors":{{{errors}}}}}
        """;

    [Fact]
    public async Task FollowAsync_UpdateFailed_FailedWithTheEksErrors()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(200, Update("Failed",
            """[{"errorCode":"NodeCreationFailure","errorMessage":"Instances failed to join the kubernetes cluster","resourceIds":["i-0a1b2c3d4e5f60718"]}]""")));
        using var clients = Clients(server);

        var result = await new ActionFollower(clients.Eks, clients.Ssm).FollowAsync(Label("0c7a9d1e-5b8f-3a2c-9e4d-7f6b1a0c2d3e"), CancellationToken.None);

        Assert.Equal(FollowStatuses.Failed, result.Status);
        Assert.Equal(["NodeCreationFailure: Instances failed to join the kubernetes cluster (i-0a1b2c3d4e5f60718)"], result.Errors);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/clusters/prod-eks/updates/0c7a9d1e-5b8f-3a2c-9e4d-7f6b1a0c2d3e"), (request.Method, request.Path));
        Assert.Contains("nodegroupName=ng-al2-general", request.Query, StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InProgress", FollowStatuses.InProgress)]
    [InlineData("Successful", FollowStatuses.Successful)]
    [InlineData("Cancelled", FollowStatuses.Cancelled)]
    public async Task FollowAsync_UpdateStatus_MapsToFollowStatus(string eksStatus, string expected)
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(200, Update(eksStatus)));
        using var clients = Clients(server);

        var result = await new ActionFollower(clients.Eks, clients.Ssm).FollowAsync(Label("0c7a9d1e-5b8f-3a2c-9e4d-7f6b1a0c2d3e"), CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData("CREATING", FollowStatuses.InProgress)]
    [InlineData("ACTIVE", FollowStatuses.Successful)]
    [InlineData("CREATE_FAILED", FollowStatuses.Failed)]
    public async Task FollowAsync_CreatedNodegroup_FollowsItsStatus(string eksStatus, string expected)
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(200, $$$"""{"nodegroup":{"nodegroupName":"ng-al2-general-al2023","clusterName":"prod-eks","status":"{{{eksStatus}}}","amiType":"AL2023_x86_64_STANDARD"}}"""));
        using var clients = Clients(server);
        var action = Label("ng-al2-general-al2023") with { Type = "eks-create-nodegroup" };

        var result = await new ActionFollower(clients.Eks, clients.Ssm).FollowAsync(action, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal("/clusters/prod-eks/node-groups/ng-al2-general-al2023", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task FollowAsync_NoReference_NotFollowedWithoutACall()
    {
        await using var server = new LoopbackHttpServer();
        using var clients = Clients(server);

        var result = await new ActionFollower(clients.Eks, clients.Ssm).FollowAsync(Label("") with { Reference = null }, CancellationToken.None);

        Assert.Equal(FollowStatuses.NotFollowed, result.Status);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FollowAsync_CommandInTwoBatches_ReportsEveryInstanceAndTheFailedOnesDetails()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(
            ScriptedResponse.Json(200, """{"CommandInvocations":[{"CommandId":"c-1","InstanceId":"i-0000000000000000a","Status":"Success","StatusDetails":"Success"}]}"""),
            ScriptedResponse.Json(200, """{"CommandInvocations":[{"CommandId":"c-2","InstanceId":"i-0000000000000000b","Status":"Failed","StatusDetails":"Failed"},{"CommandId":"c-2","InstanceId":"i-0000000000000000c","Status":"Success","StatusDetails":"Success"}]}"""),
            ScriptedResponse.Json(200, """{"CommandId":"c-2","InstanceId":"i-0000000000000000b","Status":"Failed","StatusDetails":"Failed","ResponseCode":1}"""));
        using var clients = Clients(server);
        var action = Label("c-1,c-2") with { Type = "ssm-run-command" };

        var result = await new ActionFollower(clients.Eks, clients.Ssm).FollowAsync(action, CancellationToken.None);

        Assert.Equal(FollowStatuses.Failed, result.Status);
        Assert.Contains("i-0000000000000000a succeeded, i-0000000000000000b failed, i-0000000000000000c succeeded", result.Detail, StringComparison.Ordinal);
        Assert.Equal(["i-0000000000000000b Failed (Failed, exit code 1)"], result.Errors);
        Assert.Equal(["AmazonSSM.ListCommandInvocations", "AmazonSSM.ListCommandInvocations", "AmazonSSM.GetCommandInvocation"], server.Requests.Select(r => r.Header("X-Amz-Target")));
    }
}
