using System.Text.Json;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Aws.Tests.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Logs;

public sealed class CloudWatchLogsClientTests
{
    private const string Page1 = """
        {"events":[{"logStreamName":"ip-10-0-1-2.ec2.internal-application.var.log.containers.app-7d9f_default_app-0123.log","timestamp":1730000000000,
          "message":"{\"log\":\"CWWKE0961I: Restore of the checkpoint failed\"}","ingestionTime":1730000000500,"eventId":"38000000000000000000000000000000000000000000000000000001"}],
         "searchedLogStreams":[],"nextToken":"Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXLrZzaX+/=="}
        """;

    internal const string NoEvents = """{"events":[]}""";

    private const string EmptyPageWithToken = """{"events":[],"searchedLogStreams":[],"nextToken":"token-2"}""";

    private const string LastPage = """{"events":[{"logStreamName":"s","timestamp":1730000001000,"message":"CWWKE0964E","ingestionTime":1730000001100,"eventId":"2"}],"searchedLogStreams":[]}""";

    private static FilterLogEventsRequest Query => new()
    {
        LogGroupName = "/aws/containerinsights/prod/application",
        LogStreamNamePrefix = "ip-10-0-1-2",
        StartTime = 1730000000000,
        EndTime = 1730003600000,
        FilterPattern = "?CWWKE0961I ?CWWKE0964E",
        Limit = 500,
    };

    [Fact]
    public async Task FilterLogEvents_RequestsAndCannedResponses_ValidAgainstBotocoreModel()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, LastPage));
        using var aws = TestAws.Recording(handler);

        await aws.Logs.FilterLogEventsAsync(Query);
        await aws.Logs.FilterLogEventsAsync(Query with { LogStreamNamePrefix = null, LogStreamNames = ["a", "b"], NextToken = "t+/=" });
        await aws.Logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/g" });

        var report = new BotocoreValidator()
            .Requests("logs", handler.Requests)
            .Request("logs", handler.Requests[2] with { Body = """{"logGroupName":"/g","limit":0,"startFromTail":true}"""u8.ToArray() })
            .Response("logs", "FilterLogEvents", 200, Page1)
            .Response("logs", "FilterLogEvents", 200, EmptyPageWithToken)
            .Response("logs", "FilterLogEvents", 200, LastPage)
            .Response("logs", "FilterLogEvents", 200, NoEvents)
            .Response("logs", "FilterLogEvents", 200, """{"events":[],"nextToken":"t1"}""")
            .Response("logs", "FilterLogEvents", 400, """{"__type":"ResourceNotFoundException","message":"The specified log group does not exist."}""")
            .Validate();

        Assert.Equal(["FilterLogEvents", "FilterLogEvents", "FilterLogEvents", "FilterLogEvents"], report.Requests.Select(r => r.Operation));
        Assert.Contains(report.Requests[3].Errors, e => e.Contains("startFromTail", StringComparison.Ordinal));
        Assert.All(report.Requests.Take(3).Concat(report.Responses), r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task FilterLogEvents_Wire_Json11TargetAndCamelCaseBody()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, Page1));
        using var aws = TestAws.Recording(handler);

        var response = await aws.Logs.FilterLogEventsAsync(Query);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("Logs_20140328.FilterLogEvents", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(
            ["logGroupName", "logStreamNamePrefix", "startTime", "endTime", "filterPattern", "limit"],
            body.RootElement.EnumerateObject().Select(p => p.Name));
        var logEvent = Assert.Single(response.Events);
        Assert.Equal(1730000000000, logEvent.Timestamp);
        Assert.Equal("38000000000000000000000000000000000000000000000000000001", logEvent.EventId);
        Assert.Contains("CWWKE0961I", logEvent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterAllLogEvents_EmptyPageWithToken_KeepsPagingUntilNoToken()
    {
        await using var server = new LoopbackHttpServer();
        server.Enqueue(ScriptedResponse.Json(200, Page1), ScriptedResponse.Json(200, EmptyPageWithToken), ScriptedResponse.Json(200, LastPage));
        using var aws = TestAws.Loopback(server);

        var result = await aws.Logs.FilterAllLogEventsAsync(Query);

        Assert.True(result.Complete);
        Assert.Equal(3, result.Pages);
        Assert.Equal(["38000000000000000000000000000000000000000000000000000001", "2"], result.Events.Select(e => e.EventId));
        var tokens = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.TryGetProperty("nextToken", out var t) ? t.GetString() : null);
        Assert.Equal([null, "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXLrZzaX+/==", "token-2"], tokens);
    }

    [Fact]
    public async Task FilterAllLogEvents_RepeatedToken_Stops()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, EmptyPageWithToken));
        using var aws = TestAws.Loopback(server);

        var result = await aws.Logs.FilterAllLogEventsAsync(Query);

        Assert.Equal(2, server.Requests.Count);
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task FilterAllLogEvents_PageLimit_IncompleteResult()
    {
        var page = 0;
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(200, $$"""{"events":[],"nextToken":"t{{Interlocked.Increment(ref page)}}"}"""));
        using var aws = TestAws.Loopback(server);

        var result = await aws.Logs.FilterAllLogEventsAsync(Query, maxPages: 4);

        Assert.False(result.Complete);
        Assert.Equal(4, result.Pages);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task FilterLogEvents_NamespacedErrorType_CodeStripped()
    {
        await using var server = new LoopbackHttpServer(_ => ScriptedResponse.Json(400, """{"__type":"com.amazonaws.logs#ResourceNotFoundException","message":"The specified log group does not exist."}"""));
        using var aws = TestAws.Loopback(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Logs.FilterLogEventsAsync(Query));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("The specified log group does not exist.", error.ServiceMessage);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FilterLogEvents_StreamNamesAndPrefix_Rejected()
    {
        var handler = new RecordingHandler(_ => ScriptedResponse.Json(200, LastPage));
        using var aws = TestAws.Recording(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Logs.FilterLogEventsAsync(Query with { LogStreamNames = ["a"] }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => aws.Logs.FilterLogEventsAsync(Query with { Limit = 10001 }));

        Assert.Empty(handler.Requests);
    }
}
