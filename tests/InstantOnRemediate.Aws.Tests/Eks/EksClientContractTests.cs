using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Eks;

/// <summary>Every request the EKS client can build, and every canned EKS response, checked against botocore's eks model.</summary>
public sealed class EksClientContractTests
{
    private static ScriptedResponse Respond(CapturedRequest request) => (request.Method, request.Path) switch
    {
        ("GET", "/clusters/prod/node-groups") => ScriptedResponse.Json(200, EksCannedResponses.ListNodegroups),
        ("POST", "/clusters/prod/node-groups") => ScriptedResponse.Json(200, EksCannedResponses.CreateNodegroup),
        ("GET", "/clusters/prod") => ScriptedResponse.Json(200, EksCannedResponses.DescribeCluster),
        ("DELETE", _) => ScriptedResponse.Json(200, EksCannedResponses.DeleteNodegroup),
        (_, var p) when p.EndsWith("/update-config", StringComparison.Ordinal) => ScriptedResponse.Json(200, EksCannedResponses.ConfigUpdateInProgress),
        (_, var p) when p.EndsWith("/update-version", StringComparison.Ordinal) || p.Contains("/updates/", StringComparison.Ordinal) => ScriptedResponse.Json(200, EksCannedResponses.UpdateInProgress),
        (_, var p) when p.EndsWith("/updates", StringComparison.Ordinal) => ScriptedResponse.Json(200, EksCannedResponses.ListUpdatesPage1),
        _ => ScriptedResponse.Json(200, EksCannedResponses.DescribeNodegroup),
    };

    [Fact]
    public async Task EveryOperation_RequestsAndCannedResponses_ValidAgainstBotocoreModel()
    {
        var handler = new RecordingHandler(Respond);
        using var aws = TestAws.Recording(handler);
        var eks = aws.Eks;
        var noSchedule = new Taint { Key = "instanton.criu/incompatible", Value = "rseq", Effect = TaintEffects.NoSchedule };

        await eks.ListNodegroupsAsync(new() { ClusterName = "prod" });
        await eks.ListNodegroupsAsync(new() { ClusterName = "prod", MaxResults = 100, NextToken = "eyJ0IjoiYSJ9+/=" });
        await eks.DescribeNodegroupAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2" });
        await eks.DescribeClusterAsync(new() { Name = "prod" });
        await eks.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-al2",
            Labels = new() { AddOrUpdateLabels = new() { ["instanton.criu/compatible"] = "false" }, RemoveLabels = ["stale"] },
            Taints = new()
            {
                AddOrUpdateTaints = [noSchedule, noSchedule with { Effect = TaintEffects.NoExecute }, noSchedule with { Effect = TaintEffects.PreferNoSchedule, Value = null }],
                RemoveTaints = [noSchedule with { Key = "old" }],
            },
            ScalingConfig = new() { MinSize = 0, MaxSize = 6, DesiredSize = 2 },
            UpdateConfig = new() { MaxUnavailable = 1, UpdateStrategy = "MINIMAL" },
            ClientRequestToken = "plan-7f3a-action-1",
        });
        await eks.UpdateNodegroupConfigAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2", UpdateConfig = new() { MaxUnavailablePercentage = 25 } });
        await eks.UpdateNodegroupVersionAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2", Version = "1.31", ReleaseVersion = "1.31.2-20241121", Force = false, ClientRequestToken = "plan-7f3a-action-2" });
        await eks.UpdateNodegroupVersionAsync(new() { ClusterName = "prod", NodegroupName = "ng-custom", LaunchTemplate = new() { Id = "lt-0abc", Version = "7" }, Force = true });
        await eks.UpdateNodegroupVersionAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2" });
        await eks.CreateNodegroupAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-al2023",
            Subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"],
            NodeRole = "arn:aws:iam::123456789012:role/eks-node",
            ScalingConfig = new() { MinSize = 1, MaxSize = 6, DesiredSize = 3 },
            DiskSize = 50,
            InstanceTypes = ["m6i.large"],
            AmiType = "AL2023_x86_64_STANDARD",
            Labels = new() { ["instanton.criu/compatible"] = "true" },
            Taints = [noSchedule with { Key = "instanton.criu/only" }],
            Tags = new() { ["created-by"] = "instanton-remediate" },
            UpdateConfig = new() { MaxUnavailable = 1 },
            CapacityType = "ON_DEMAND",
            Version = "1.30",
            ClientRequestToken = "plan-7f3a-action-3",
        });
        await eks.CreateNodegroupAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-lt",
            Subnets = ["subnet-0a1b2c3d"],
            NodeRole = "arn:aws:iam::123456789012:role/eks-node",
            LaunchTemplate = new() { Name = "instanton-al2023", Version = "3" },
            ReleaseVersion = "1.30.4-20241024",
        });
        await eks.DeleteNodegroupAsync(new() { ClusterName = "prod", NodegroupName = "ng-al2" });
        await eks.DescribeUpdateAsync(new() { Name = "prod", UpdateId = "b5f0ba18-9a87-4450-b5a0-825e6e84496f", NodegroupName = "ng-al2" });
        await eks.DescribeUpdateAsync(new() { Name = "prod", UpdateId = "c1" });
        await eks.ListUpdatesAsync(new() { Name = "prod", NodegroupName = "ng-al2", MaxResults = 10, NextToken = "page-2" });
        await eks.ListUpdatesAsync(new() { Name = "prod" });

        var captured = handler.Requests;
        var validator = new BotocoreValidator().Requests("eks", captured);

        // A request the API would refuse (kubectl taint spelling, unknown member): the validator must catch it.
        var broken = captured[4] with { Body = """{"taints":{"addOrUpdateTaints":[{"key":"k","effect":"NoSchedule"}]},"clientRequestToken":"t","dryRun":true}"""u8.ToArray() };
        validator.Request("eks", broken);

        foreach (var (operation, body) in new[]
        {
            ("ListNodegroups", EksCannedResponses.ListNodegroups),
            ("ListNodegroups", EksCannedResponses.NoNodegroups),
            ("ListNodegroups", EksCannedResponses.OneNodegroup),
            ("ListNodegroups", EksCannedResponses.NodegroupsPage1),
            ("ListNodegroups", EksCannedResponses.NodegroupsPage2),
            ("ListNodegroups", EksCannedResponses.NodegroupsPage3),
            ("ListNodegroups", EksCannedResponses.NodegroupsRepeatingToken),
            ("ListNodegroups", """{"nodegroups":["n1"],"nextToken":"t1"}"""),
            ("DescribeNodegroup", EksCannedResponses.MinimalNodegroup),
            ("UpdateNodegroupConfig", EksCannedResponses.MinimalConfigUpdate),
            ("DescribeNodegroup", EksCannedResponses.DescribeNodegroup),
            ("DescribeCluster", EksCannedResponses.DescribeCluster),
            ("UpdateNodegroupConfig", EksCannedResponses.ConfigUpdateInProgress),
            ("UpdateNodegroupVersion", EksCannedResponses.UpdateInProgress),
            ("DescribeUpdate", EksCannedResponses.UpdateFailed),
            ("ListUpdates", EksCannedResponses.ListUpdatesPage1),
            ("ListUpdates", EksCannedResponses.ListUpdatesPage2),
            ("CreateNodegroup", EksCannedResponses.CreateNodegroup),
            ("DeleteNodegroup", EksCannedResponses.DeleteNodegroup),
        })
        {
            validator.Response("eks", operation, 200, body);
        }

        foreach (var row in EksCannedResponses.Errors.Where(r => (int)r[0] != 502))
        {
            var headers = row[1] is string type ? new Dictionary<string, string> { ["x-amzn-ErrorType"] = type } : null;
            validator.Response("eks", "UpdateNodegroupConfig", (int)row[0], (string)row[2], headers);
        }

        // A response EKS would never send (status outside UpdateStatus, unknown member): must be caught too.
        validator.Response("eks", "DescribeUpdate", 200, """{"update":{"id":"u","status":"Running","progress":50}}""");

        var report = validator.Validate();

        Assert.Equal(16, captured.Count);
        Assert.Equal(
            ["ListNodegroups", "ListNodegroups", "DescribeNodegroup", "DescribeCluster", "UpdateNodegroupConfig", "UpdateNodegroupConfig",
             "UpdateNodegroupVersion", "UpdateNodegroupVersion", "UpdateNodegroupVersion", "CreateNodegroup", "CreateNodegroup", "DeleteNodegroup",
             "DescribeUpdate", "DescribeUpdate", "ListUpdates", "ListUpdates", "UpdateNodegroupConfig"],
            report.Requests.Select(r => r.Operation));
        var rejected = report.Requests[^1];
        Assert.Contains(rejected.Errors, e => e.Contains("not in enum TaintEffect", StringComparison.Ordinal));
        Assert.Contains(rejected.Errors, e => e.Contains("dryRun", StringComparison.Ordinal));
        Assert.Contains(report.Responses[^1].Errors, e => e.Contains("not in enum UpdateStatus", StringComparison.Ordinal));
        Assert.Contains(report.Responses[^1].Errors, e => e.Contains("progress", StringComparison.Ordinal));
        var valid = report.Requests.SkipLast(1).ToList();
        var validResponses = report.Responses.SkipLast(1).ToList();
        (report with { Ok = valid.Concat(validResponses).All(r => r.Errors.Count == 0), Requests = valid, Responses = validResponses }).AssertValid();
        Assert.Equal(30, validResponses.Count);
    }
}
