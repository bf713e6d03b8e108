using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Ec2;

public sealed class Ec2ClientTests
{
    private const string Al2Node = "ip-192-168-10-11.ec2.internal";

    /// <summary>Answers like EC2: DescribeInstances in two pages (the second when NextToken is sent), DescribeImages at once.</summary>
    private static RecordingHandler Ec2Like() => new(request =>
    {
        var form = Form(request);
        return form["Action"] switch
        {
            "DescribeInstances" => ScriptedResponse.Xml(200, form.ContainsKey("NextToken") ? Ec2CannedResponses.InstancesPage2 : Ec2CannedResponses.InstancesPage1),
            "DescribeImages" => ScriptedResponse.Xml(200, Ec2CannedResponses.Images),
            _ => ScriptedResponse.Xml(400, Ec2CannedResponses.InvalidParameterValue),
        };
    });

    /// <summary>The form fields of a captured request, decoded; a repeated field fails the test.</summary>
    private static Dictionary<string, string> Form(CapturedRequest request) =>
        request.BodyText.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    [Fact]
    public async Task InventoryLookups_RequestsAndCannedResponses_ValidAgainstBotocoreModel()
    {
        var handler = Ec2Like();
        using var aws = TestAws.Recording(handler);
        var inventory = new Ec2Inventory(aws.Ec2);

        await inventory.FindByNodeNamesAsync(["i-0a1b2c3d4e5f60001", Al2Node, "not a hostname"], CancellationToken.None);
        await inventory.FindByAutoScalingGroupsAsync(["eks-ng-al2-general-12c9a3", "eks-ng-al2023-arm-4f8e21"], CancellationToken.None);
        await inventory.DescribeImagesAsync(["ami-0abcdef1234567890", "ami-0fedcba9876543210"], CancellationToken.None);
        await aws.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new("image-id", ["ami-0abcdef1234567890"])], MaxResults = 1, NextToken = "t" });
        await aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 });

        var validator = new BotocoreValidator()
            .Requests("ec2", handler.Requests)
            .Request("ec2", handler.Requests[0] with { Body = "Action=DescribeInstances&Version=2016-11-15&Filters.1.Name=instance-id&Filters.1.Values.1=i-1"u8.ToArray() })
            .Response("ec2", "DescribeInstances", 200, Ec2CannedResponses.InstancesPage1)
            .Response("ec2", "DescribeInstances", 200, Ec2CannedResponses.InstancesPage2)
            .Response("ec2", "DescribeInstances", 200, Ec2CannedResponses.NoInstances)
            .Response("ec2", "DescribeImages", 200, Ec2CannedResponses.Images)
            .Response("ec2", "DescribeInstances", 503, Ec2CannedResponses.RequestLimitExceeded)
            .Response("ec2", "DescribeInstances", 403, Ec2CannedResponses.UnauthorizedOperation)
            .Response("ec2", "DescribeInstances", 400, Ec2CannedResponses.InvalidParameterValue)
            .Response("ec2", "DescribeImages", 500, Ec2CannedResponses.InternalError);
        var report = validator.Validate();

        var sent = handler.Requests.Count;
        // Two pages for each of instance-id, private-dns-name and the Auto Scaling group tag; one DescribeImages
        // answer each; one direct page; then the mangled request.
        Assert.Equal(9, sent);
        Assert.Equal(
            ["DescribeInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances", "DescribeImages", "DescribeImages", "DescribeInstances", "DescribeInstances"],
            report.Requests.Select(r => r.Operation));
        Assert.Contains(report.Requests[sent].Errors, e => e.Contains("Filters.1.Name", StringComparison.Ordinal));
        (report with { Ok = true, Requests = report.Requests.Take(sent).ToList() }).AssertValid();
        Assert.All(report.Requests.Take(sent).Concat(report.Responses), r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task DescribeInstances_Form_FiltersFlattenedAndEveryValueEncoded()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, Ec2CannedResponses.NoInstances));
        using var aws = TestAws.Recording(handler);

        await aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new("tag:aws:autoscaling:groupName", ["eks-ng-a", "eks-ng-b"]), new("instance-state-name", ["pending", "running"])],
            MaxResults = 1000,
            NextToken = Ec2CannedResponses.FirstNextToken,
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/", ""), (request.Method, request.Path, request.Query));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/us-east-1/ec2/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(
            "Action=DescribeInstances&Version=2016-11-15" +
            "&Filter.1.Name=tag%3Aaws%3Aautoscaling%3AgroupName&Filter.1.Value.1=eks-ng-a&Filter.1.Value.2=eks-ng-b" +
            "&Filter.2.Name=instance-state-name&Filter.2.Value.1=pending&Filter.2.Value.2=running" +
            "&MaxResults=1000&NextToken=eyJ2IjoiMiIsImMiOiJ%2Ba2V5Ijoi%2FZm9v%3D",
            request.BodyText);
    }

    [Fact]
    public async Task DescribeInstances_ValueWithFormSyntax_StaysOneValueOfOneFilter()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, Ec2CannedResponses.NoInstances));
        using var aws = TestAws.Recording(handler);
        const string hostile = "ip-10-0-0-1&Action=TerminateInstances&InstanceId.1=i-1 =%26";

        await aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new("private-dns-name", [hostile])] });

        var form = Form(Assert.Single(handler.Requests));
        Assert.Equal(["Action", "Version", "Filter.1.Name", "Filter.1.Value.1"], form.Keys);
        Assert.Equal(("DescribeInstances", hostile), (form["Action"], form["Filter.1.Value.1"]));
    }

    [Fact]
    public async Task DescribeInstances_CannedPage_ReadsTheInstanceMembersNotTheNestedOnes()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, Ec2CannedResponses.InstancesPage1));
        using var aws = TestAws.Recording(handler);

        var page = await aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest());

        Assert.Equal(Ec2CannedResponses.FirstNextToken, page.NextToken);
        Assert.Equal(2, page.Instances.Count);
        var node = page.Instances[0];
        Assert.Equal(
            ("i-0a1b2c3d4e5f60001", Al2Node, "ami-0abcdef1234567890", "m5.xlarge", "x86_64", "running"),
            (node.InstanceId, node.PrivateDnsName, node.ImageId, node.InstanceType, node.Architecture, node.State));
        Assert.Equal(
            [new Ec2Tag("aws:autoscaling:groupName", "eks-ng-al2-general-12c9a3"), new Ec2Tag("eks:nodegroup-name", "ng-al2-general"), new Ec2Tag("eks:cluster-name", "prod-eks"), new Ec2Tag("team", "orders & payments <prod>")],
            node.Tags);
        var terminated = page.Instances[1];
        Assert.Equal(("i-0a1b2c3d4e5f60002", null, "terminated"), (terminated.InstanceId, terminated.PrivateDnsName, terminated.State));
        Assert.Empty(terminated.Tags);
    }

    [Fact]
    public async Task Inventory_TwoPages_FollowsNextTokenAndReadsTagsIntoFacts()
    {
        var handler = Ec2Like();
        using var aws = TestAws.Recording(handler);

        var facts = await new Ec2Inventory(aws.Ec2).FindByAutoScalingGroupsAsync(["eks-ng-al2-general-12c9a3"], CancellationToken.None);

        Assert.Equal(["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003"], facts.Select(f => f.InstanceId));
        Assert.Equal(2, handler.Requests.Count);
        Assert.False(Form(handler.Requests[0]).ContainsKey("NextToken"));
        Assert.Equal(Ec2CannedResponses.FirstNextToken, Form(handler.Requests[1])["NextToken"]);
        Assert.Equal(Form(handler.Requests[0])["Filter.1.Value.1"], Form(handler.Requests[1])["Filter.1.Value.1"]);
        Assert.Equal(("ng-al2-general", "eks-ng-al2-general-12c9a3", Al2Node), (facts[0].NodegroupTag, facts[0].AutoScalingGroup, facts[0].PrivateDnsName));
        Assert.Equal(("eks-ng-al2023-arm-4f8e21", null, "arm64", "pending"), (facts[2].AutoScalingGroup, facts[2].NodegroupTag, facts[2].Architecture, facts[2].State));
    }

    [Fact]
    public async Task DescribeImages_CannedAnswer_IdsNamesAndDescriptions()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, Ec2CannedResponses.Images));
        using var aws = TestAws.Recording(handler);

        var amis = await new Ec2Inventory(aws.Ec2).DescribeImagesAsync(["ami-0abcdef1234567890", "ami-0fedcba9876543210", "ami-0abcdef1234567890"], CancellationToken.None);

        Assert.Equal(
            [
                new AmiFacts("ami-0abcdef1234567890", "amazon-eks-node-1.30-v20250212", "EKS Kubernetes Worker AMI with AmazonLinux2 image, (k8s: 1.30.9, containerd: 1.7.25-1.amzn2.0.1)"),
                new AmiFacts("ami-0fedcba9876543210", "amazon-eks-node-al2023-arm64-standard-1.30-v20250212", null),
            ],
            amis);
        var form = Form(Assert.Single(handler.Requests));
        Assert.Equal(("DescribeImages", "image-id", "ami-0fedcba9876543210", false), (form["Action"], form["Filter.1.Name"], form["Filter.1.Value.2"], form.ContainsKey("Filter.1.Value.3")));
    }

    public static TheoryData<string, DescribeInstancesRequest> InvalidInstanceRequests => new()
    {
        { "MaxResults 4", new() { MaxResults = 4 } },
        { "MaxResults 1001", new() { MaxResults = 1001 } },
        { "filter without values", new() { Filters = [new("private-dns-name", [])] } },
        { "filter with 201 values", new() { Filters = [new("private-dns-name", [.. Enumerable.Range(0, 201).Select(i => $"ip-10-0-0-{i}.ec2.internal")])] } },
        { "filter without a name", new() { Filters = [new("", ["x"])] } },
    };

    [Theory]
    [MemberData(nameof(InvalidInstanceRequests))]
    public async Task DescribeInstances_RequestEc2WouldRefuse_RejectedBeforeSending(string why, DescribeInstancesRequest request)
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, Ec2CannedResponses.NoInstances));
        using var aws = TestAws.Recording(handler);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => aws.Ec2.DescribeInstancesAsync(request));

        Assert.True(handler.Requests.Count == 0, why);
    }

    [Fact]
    public async Task DescribeImages_MaxResultsZero_RejectedBeforeSending()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, Ec2CannedResponses.Images));
        using var aws = TestAws.Recording(handler);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => aws.Ec2.DescribeImagesAsync(new DescribeImagesRequest { MaxResults = 0 }));
        await aws.Ec2.DescribeImagesAsync(new DescribeImagesRequest { MaxResults = 1 });

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task UnauthorizedOperation_NotRetried_CodeMessageAndRequestIdFromTheBody()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(403, Ec2CannedResponses.UnauthorizedOperation));
        using var aws = TestAws.Recording(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Equal(("ec2", "DescribeInstances", "UnauthorizedOperation", 403, "ea966190-f9aa-478e-9ede-example"), (error.Service, error.Operation, error.ErrorCode, error.StatusCode, error.RequestId));
        Assert.StartsWith("You are not authorized to perform this operation.", error.ServiceMessage, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task InvalidParameterValue_NotRetried()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(400, Ec2CannedResponses.InvalidParameterValue));
        using var aws = TestAws.Recording(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ec2.DescribeImagesAsync(new DescribeImagesRequest()));

        Assert.Equal(("InvalidParameterValue", "The filter 'privat-dns-name' is invalid", false), (error.ErrorCode, error.ServiceMessage, error.IsTransient));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task RequestLimitExceeded_RetriedThenAnswered()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(
            ScriptedResponse.Xml(503, Ec2CannedResponses.RequestLimitExceeded),
            ScriptedResponse.Xml(503, Ec2CannedResponses.RequestLimitExceeded),
            ScriptedResponse.Xml(200, Ec2CannedResponses.InstancesPage2));
        using var aws = TestAws.Loopback(server);

        var page = await aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest());

        Assert.Equal("i-0a1b2c3d4e5f60003", Assert.Single(page.Instances).InstanceId);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task InternalError_EveryAttempt_TransientFailureAfterTheLastAttempt()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(500, Ec2CannedResponses.InternalError));
        using var aws = TestAws.Recording(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ec2.DescribeImagesAsync(new DescribeImagesRequest()));

        Assert.Equal(("InternalError", 500, 3, true), (error.ErrorCode, error.StatusCode, error.Attempts, error.IsTransient));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "ServiceUnavailable")]
    [InlineData(500, "<!doctype html><html lang=en><title>500 Internal Server Error</title></html>", "ServiceUnavailable")]
    [InlineData(403, "", "HttpStatus403")]
    public async Task ErrorWithoutEc2Document_StatusCodeSpeaks(int status, string body, string code)
    {
        var handler = new RecordingHandler(_ => new ScriptedResponse(status, body) { ContentType = "text/html" });
        using var aws = TestAws.Recording(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Equal((code, status), (error.ErrorCode, error.StatusCode));
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>&x;</instanceId></item></instancesSet></item></reservationSet></DescribeInstancesResponse>""")]
    [InlineData("""<DescribeImagesResponse><imagesSet/></DescribeImagesResponse>""")]
    [InlineData("""<DescribeInstancesResponse><reservationSet><item><instancesSet><item><privateDnsName>ip-10-0-0-1.ec2.internal</privateDnsName></item></instancesSet></item></reservationSet></DescribeInstancesResponse>""")]
    [InlineData("""<DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>i-0a1b2c3d4e5f60001</instanceId>""")]
    [InlineData("""<DescribeInstancesResponse><nextToken><b>t</b></nextToken></DescribeInstancesResponse>""")]
    [InlineData("")]
    public async Task DescribeInstances_AnswerThatIsNotADescribeInstancesResponse_Fails(string body)
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, body));
        using var aws = TestAws.Recording(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Contains("DescribeInstancesResponse", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }
}
