using System.Text.Json;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Eks;

/// <summary>The EKS client against a loopback server answering like EKS does.</summary>
public sealed class EksClientTests
{
    [Fact]
    public async Task DescribeNodegroup_AwsShapedResponse_EveryMemberRead()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, EksCannedResponses.DescribeNodegroup));
        using var aws = TestAws.Loopback(server);

        var nodegroup = (await aws.Eks.DescribeNodegroupAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2" })).Nodegroup!;

        Assert.Equal("/clusters/prod/node-groups/ng-al2", Assert.Single(server.Requests).Path);
        Assert.Equal("GET", server.Requests[0].Method);
        Assert.Equal("ng-al2", nodegroup.NodegroupName);
        Assert.Equal("AL2_x86_64", nodegroup.AmiType);
        Assert.Equal("1.30.4-20241024", nodegroup.ReleaseVersion);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1527807879988), nodegroup.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1730000000500), nodegroup.ModifiedAt);
        Assert.Equal(3, nodegroup.ScalingConfig!.DesiredSize);
        Assert.Equal("payments", nodegroup.Labels["team"]);
        Assert.Equal(new Taint { Key = "instanton.criu/incompatible", Value = "rseq", Effect = "NO_SCHEDULE" }, Assert.Single(nodegroup.Taints));
        Assert.Equal("eks-ng-al2-4ec2e9a0", Assert.Single(nodegroup.Resources!.AutoScalingGroups).Name);
        Assert.Equal(["subnet-0a1b2c3d", "subnet-0e1f2a3b"], nodegroup.Subnets);
    }

    [Fact]
    public async Task DescribeCluster_AwsShapedResponse_Read()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, EksCannedResponses.DescribeCluster));
        using var aws = TestAws.Loopback(server);

        var cluster = (await aws.Eks.DescribeClusterAsync(new() { Name = "prod" })).Cluster!;

        Assert.Equal("/clusters/prod", server.Requests[0].Path);
        Assert.Equal(("prod", "1.30", "ACTIVE", "eks.8"), (cluster.Name, cluster.Version, cluster.Status, cluster.PlatformVersion));
    }

    [Fact]
    public async Task ListAllNodegroups_ThreePages_FollowsTokensUntilAbsent()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(
            ScriptedResponse.Json(200, EksCannedResponses.NodegroupsPage1),
            ScriptedResponse.Json(200, EksCannedResponses.NodegroupsPage2),
            ScriptedResponse.Json(200, EksCannedResponses.NodegroupsPage3));
        using var aws = TestAws.Loopback(server);

        var names = await aws.Eks.ListAllNodegroupsAsync("prod");

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal(["maxResults=100", "maxResults=100&nextToken=t%2B1%2F%3D", "maxResults=100&nextToken=t2"], server.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task ListAllNodegroups_RepeatedToken_Stops()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, EksCannedResponses.NodegroupsRepeatingToken));
        using var aws = TestAws.Loopback(server);

        var names = await aws.Eks.ListAllNodegroupsAsync("prod");

        Assert.Equal(["a", "a"], names);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ListAllNodegroups_MorePagesThanLimit_Throws()
    {
        var page = 0;
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, $$"""{"nodegroups":["n{{Interlocked.Increment(ref page)}}"],"nextToken":"t{{page}}"}"""));
        using var aws = TestAws.Loopback(server);

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.ListAllNodegroupsAsync("prod", maxPages: 3));

        Assert.Equal("PagingLimit", error.ErrorCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(EksCannedResponses.Errors), MemberType = typeof(EksCannedResponses))]
    public async Task DescribeNodegroup_ErrorResponse_MappedToKind(int status, string? errorType, string body, string expectedCode, EksErrorKind expectedKind)
    {
        var headers = errorType is null ? [] : new[] { ("x-amzn-ErrorType", errorType) };
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(status, body, [.. headers, ("x-amzn-RequestId", "req-123")]));
        using var aws = TestAws.Loopback(server, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.DescribeNodegroupAsync(new() { ClusterName = "prod", NodegroupName = "ng-x" }));

        Assert.Equal(expectedKind, error.Kind);
        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("req-123", error.RequestId);
        var retried = expectedKind is EksErrorKind.Throttled or EksErrorKind.Server;
        Assert.Equal(retried ? 2 : 1, server.Requests.Count);
    }

    [Fact]
    public async Task UpdateNodegroupConfig_RetriedAfterThrottle_SameCallerTokenEveryAttempt()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(429, """{"message":"Rate exceeded"}"""), ScriptedResponse.Json(200, EksCannedResponses.ConfigUpdateInProgress));
        using var aws = TestAws.Loopback(server);

        var update = (await aws.Eks.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-al2",
            Taints = new() { AddOrUpdateTaints = [new() { Key = "instanton.criu/incompatible", Value = "rseq", Effect = TaintEffects.NoSchedule }] },
            ClientRequestToken = "plan-9-action-1",
        })).Update!;

        Assert.Equal("ConfigUpdate", update.Type);
        Assert.All(server.Requests, r => Assert.Equal("plan-9-action-1", Token(r)));
        Assert.Equal("/clusters/prod/node-groups/ng-al2/update-config", server.Requests[0].Path);
        using var body = JsonDocument.Parse(server.Requests[0].Body);
        Assert.Equal("NO_SCHEDULE", body.RootElement.GetProperty("taints").GetProperty("addOrUpdateTaints")[0].GetProperty("effect").GetString());
        Assert.False(body.RootElement.TryGetProperty("labels", out _));
        Assert.False(body.RootElement.TryGetProperty("clusterName", out _));
    }

    [Fact]
    public async Task UpdateNodegroupVersion_NoCallerToken_OneFreshGuidForAllAttempts()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(503, """{"message":"unavailable"}"""), ScriptedResponse.Json(200, EksCannedResponses.UpdateInProgress));
        using var aws = TestAws.Loopback(server);

        var update = (await aws.Eks.UpdateNodegroupVersionAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2", Version = "1.31" })).Update!;

        var tokens = server.Requests.Select(Token).ToList();
        Assert.Equal(2, tokens.Count);
        Assert.True(Guid.TryParse(tokens[0], out _));
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Equal("/clusters/prod/node-groups/ng-al2/update-version", server.Requests[0].Path);
        Assert.Equal(("b5f0ba18-9a87-4450-b5a0-825e6e84496f", "InProgress", "VersionUpdate"), (update.Id, update.Status, update.Type));
        Assert.Equal([("Version", "1.31"), ("ReleaseVersion", "1.31.2-20241121")], update.Params.Select(p => (p.Type!, p.Value!)));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1565807210370), update.CreatedAt);
    }

    [Fact]
    public async Task DescribeUpdate_NodegroupUpdate_QueryCarriesNodegroupAndErrorsRead()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, EksCannedResponses.UpdateFailed));
        using var aws = TestAws.Loopback(server);

        var update = (await aws.Eks.DescribeUpdateAsync(new() { Name = "prod", UpdateId = "b5f0ba18-9a87-4450-b5a0-825e6e84496f", NodegroupName = "ng-al2" })).Update!;

        var request = Assert.Single(server.Requests);
        Assert.Equal("/clusters/prod/updates/b5f0ba18-9a87-4450-b5a0-825e6e84496f", request.Path);
        Assert.Equal("nodegroupName=ng-al2", request.Query);
        Assert.Equal("Failed", update.Status);
        var error = Assert.Single(update.Errors);
        Assert.Equal("PodEvictionFailure", error.ErrorCode);
        Assert.Equal(["ip-10-0-1-2.ec2.internal"], error.ResourceIds);
    }

    [Fact]
    public async Task ListUpdates_Paged_TokensAndIdsRead()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(200, EksCannedResponses.ListUpdatesPage1), ScriptedResponse.Json(200, EksCannedResponses.ListUpdatesPage2));
        using var aws = TestAws.Loopback(server);

        var first = await aws.Eks.ListUpdatesAsync(new() { Name = "prod", NodegroupName = "ng-al2", MaxResults = 2 });
        var second = await aws.Eks.ListUpdatesAsync(new() { Name = "prod", NodegroupName = "ng-al2", MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(["u-1", "u-2"], first.UpdateIds);
        Assert.Equal("page-2", first.NextToken);
        Assert.Equal(["u-3"], second.UpdateIds);
        Assert.Null(second.NextToken);
        Assert.Equal("nodegroupName=ng-al2&nextToken=page-2&maxResults=2", server.Requests[1].Query);
    }

    [Theory]
    [InlineData("NoSchedule")]
    [InlineData("no_schedule")]
    [InlineData(null)]
    public async Task UpdateNodegroupConfig_TaintEffectOutsideApiEnum_RejectedBeforeSending(string? effect)
    {
        await using var server = new LoopbackHttpServer();
        using var aws = TestAws.Loopback(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => aws.Eks.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-al2",
            Taints = new() { AddOrUpdateTaints = [new() { Key = "k", Effect = effect }] },
        }));

        Assert.Contains("NO_SCHEDULE", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DescribeNodegroup_NameWithReservedCharacters_EncodedAsOneLabel()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, EksCannedResponses.MinimalNodegroup));
        using var aws = TestAws.Loopback(server);

        await aws.Eks.DescribeNodegroupAsync(new() { ClusterName = "prod", NodegroupName = "../x?y" });

        Assert.Equal("/clusters/prod/node-groups/..%2Fx%3Fy", server.Requests[0].Path);
        Assert.Equal("", server.Requests[0].Query);
    }

    [Fact]
    public async Task DescribeNodegroup_MalformedJson_OtherKind()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, """{"nodegroup":{"createdAt":"not a time"}}"""));
        using var aws = TestAws.Loopback(server);

        var error = await Assert.ThrowsAsync<EksServiceException>(() => aws.Eks.DescribeNodegroupAsync(new() { ClusterName = "prod", NodegroupName = "ng" }));

        Assert.Equal(("MalformedResponse", EksErrorKind.Other), (error.ErrorCode, error.Kind));
    }

    private static string? Token(CapturedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("clientRequestToken").GetString();
    }
}
