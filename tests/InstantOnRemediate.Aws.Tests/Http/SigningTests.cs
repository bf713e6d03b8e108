using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Aws.Tests.Http;

/// <summary>SigV4 as received on the wire, checked by an independent implementation of the algorithm.</summary>
public sealed class SigningTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public async Task ListNodegroups_SessionCredentials_TokenSentSignedAndSignatureVerifies()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, Eks.EksCannedResponses.NoNodegroups));
        using var aws = TestAws.Loopback(server, credentials: TestAws.SessionCredentials(), time: new FakeTimeProvider(Now));

        await aws.Eks.ListNodegroupsAsync(new ListNodegroupsRequest { ClusterName = "prod", MaxResults = 50, NextToken = "eyJ2IjoxfQ+/a=b&c" });

        var request = Assert.Single(server.Requests);
        Assert.Equal(TestAws.SessionToken, request.Header("X-Amz-Security-Token"));
        var verdict = SigV4Verifier.Verify(request, MotoServer.SecretKey);
        Assert.True(verdict.Valid, $"expected {verdict.Expected}, got {verdict.Actual}\n{verdict.CanonicalRequest}");
        Assert.Contains("x-amz-security-token", verdict.SignedHeaders.Split(';'));
        Assert.Contains("host", verdict.SignedHeaders.Split(';'));
        Assert.Equal("20250301/us-east-1/eks/aws4_request", verdict.Scope);
        Assert.Equal("20250301T123456Z", request.Header("X-Amz-Date"));
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={MotoServer.AccessKey}/", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateNodegroupConfig_Body_PayloadHashSignedAndVerifies()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, Eks.EksCannedResponses.MinimalConfigUpdate));
        using var aws = TestAws.Loopback(server, credentials: TestAws.SessionCredentials(), time: new FakeTimeProvider(Now));

        await aws.Eks.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "prod",
            NodegroupName = "ng-al2",
            Labels = new() { AddOrUpdateLabels = new() { ["instanton.criu/compatible"] = "false" } },
            ClientRequestToken = "plan-1-action-2",
        });

        var request = Assert.Single(server.Requests);
        var verdict = SigV4Verifier.Verify(request, MotoServer.SecretKey);
        Assert.True(verdict.Valid, verdict.CanonicalRequest);
        Assert.Contains("content-type", verdict.SignedHeaders.Split(';'));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(request.Body)), request.Header("X-Amz-Content-SHA256"), ignoreCase: true);
    }

    [Fact]
    public async Task FilterLogEvents_TargetHeaderSignedAndSignatureVerifies()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, Logs.CloudWatchLogsClientTests.NoEvents));
        using var aws = TestAws.Loopback(server, credentials: TestAws.SessionCredentials(), time: new FakeTimeProvider(Now));

        await aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/aws/containerinsights/prod/application" });

        var request = Assert.Single(server.Requests);
        var verdict = SigV4Verifier.Verify(request, MotoServer.SecretKey);
        Assert.True(verdict.Valid, verdict.CanonicalRequest);
        Assert.Contains("x-amz-target", verdict.SignedHeaders.Split(';'));
        Assert.Equal("20250301/us-east-1/logs/aws4_request", verdict.Scope);
    }

    [Fact]
    public async Task Publish_FormBody_SignatureVerifiesWithSnsScope()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Loopback(server, credentials: TestAws.SessionCredentials(), time: new FakeTimeProvider(Now));

        await aws.Sns.PublishAsync(new PublishRequest { TopicArn = SnsCannedResponses.TopicArn, Message = "restore failed: rseq", Subject = "InstantOn restore failures" });

        var request = Assert.Single(server.Requests);
        var verdict = SigV4Verifier.Verify(request, MotoServer.SecretKey);
        Assert.True(verdict.Valid, verdict.CanonicalRequest);
        Assert.Equal("20250301/us-east-1/sns/aws4_request", verdict.Scope);
        Assert.Equal(TestAws.SessionToken, request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Verify_TamperedBody_Detected()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, Logs.CloudWatchLogsClientTests.NoEvents));
        using var aws = TestAws.Loopback(server, time: new FakeTimeProvider(Now));
        await aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/g" });
        var request = Assert.Single(server.Requests);

        var tampered = request with { Body = "{\"logGroupName\":\"/other\"}"u8.ToArray() };

        Assert.True(SigV4Verifier.Verify(request, MotoServer.SecretKey).Valid);
        Assert.False(SigV4Verifier.Verify(tampered, MotoServer.SecretKey).Valid);
        Assert.False(SigV4Verifier.Verify(request, "wrong-secret").Valid);
    }
}
