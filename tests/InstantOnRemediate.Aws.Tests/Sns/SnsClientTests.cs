using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Sns;

public sealed class SnsClientTests
{
    private static PublishRequest Alert => new()
    {
        TopicArn = SnsCannedResponses.TopicArn,
        Message = "3 restore failures on prod/ng-al2: rseq-ptrace-unsupported (kernel 5.10) & more",
        Subject = "InstantOn: restore failures on prod/ng-al2",
        MessageAttributes = new() { ["cause"] = "rseq-ptrace-unsupported", ["cluster"] = "prod" },
    };

    [Fact]
    public async Task Publish_RequestsAndCannedResponses_ValidAgainstBotocoreModel()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Recording(handler);

        await aws.Sns.PublishAsync(Alert);
        await aws.Sns.PublishAsync(new PublishRequest { TopicArn = SnsCannedResponses.TopicArn, Message = "plain" });

        var validator = new BotocoreValidator()
            .Requests("sns", handler.Requests)
            .Request("sns", handler.Requests[0] with { Body = "Action=Publish&Version=2010-03-31&TopicArn=x&Message=m&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.Type=String"u8.ToArray() })
            .Response("sns", "Publish", 200, SnsCannedResponses.Published)
            .Response("sns", "Publish", 404, SnsCannedResponses.NotFound)
            .Response("sns", "Publish", 403, SnsCannedResponses.AuthorizationError)
            .Response("sns", "Publish", 429, SnsCannedResponses.Throttled);
        var report = validator.Validate();

        Assert.Equal(["Publish", "Publish", "Publish"], report.Requests.Select(r => r.Operation));
        Assert.NotEmpty(report.Requests[2].Errors);
        (report with { Ok = true, Requests = report.Requests.Take(2).ToList() }).AssertValid();
        Assert.All(report.Requests.Take(2).Concat(report.Responses), r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task Publish_Form_EncodedFieldsAndAttributesInOrder()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Recording(handler);

        var response = await aws.Sns.PublishAsync(Alert);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(
            "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Ainstanton-remediate-alerts" +
            "&Message=3%20restore%20failures%20on%20prod%2Fng-al2%3A%20rseq-ptrace-unsupported%20%28kernel%205.10%29%20%26%20more" +
            "&Subject=InstantOn%3A%20restore%20failures%20on%20prod%2Fng-al2" +
            "&MessageAttributes.entry.1.Name=cause&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=rseq-ptrace-unsupported" +
            "&MessageAttributes.entry.2.Name=cluster&MessageAttributes.entry.2.Value.DataType=String&MessageAttributes.entry.2.Value.StringValue=prod",
            request.BodyText);
        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", response.MessageId);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("carriage\rreturn")]
    [InlineData("tab\there")]
    [InlineData("")]
    [InlineData("non-ascii é")]
    public async Task Publish_InvalidSubject_RejectedBeforeSending(string subject)
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Recording(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Sns.PublishAsync(Alert with { Subject = subject }));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Publish_SubjectLength_HundredAcceptedHundredOneRejected()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Recording(handler);

        await aws.Sns.PublishAsync(Alert with { Subject = new string('s', 100) });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => aws.Sns.PublishAsync(Alert with { Subject = new string('s', 101) }));

        Assert.Single(handler.Requests);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NotFound_ServiceErrorFromXmlNotRetried()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Xml(404, SnsCannedResponses.NotFound));
        using var aws = TestAws.Loopback(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Sns.PublishAsync(Alert));

        Assert.Equal(("NotFound", "Topic does not exist", 404), (error.ErrorCode, error.ServiceMessage, error.StatusCode));
        Assert.False(error.IsTransient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Publish_ThrottledThenOk_Retried()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Xml(400, SnsCannedResponses.Throttled), ScriptedResponse.Xml(200, SnsCannedResponses.Published));
        using var aws = TestAws.Loopback(server);

        var response = await aws.Sns.PublishAsync(Alert);

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", response.MessageId);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Publish_SuccessWithoutMessageId_Fails()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Xml(200, "<PublishResponse><PublishResult/></PublishResponse>"));
        using var aws = TestAws.Loopback(server);

        await Assert.ThrowsAsync<AwsServiceException>(() => aws.Sns.PublishAsync(Alert));
    }

    [Fact]
    public async Task Publish_DoctypeInResponse_Refused()
    {
        const string hostile = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><PublishResponse><PublishResult><MessageId>&x;</MessageId></PublishResult></PublishResponse>""";
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Xml(200, hostile));
        using var aws = TestAws.Loopback(server);

        await Assert.ThrowsAsync<AwsServiceException>(() => aws.Sns.PublishAsync(Alert));
    }
}
