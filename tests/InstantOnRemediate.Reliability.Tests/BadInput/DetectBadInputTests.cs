using System.Text.Json;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Reliability.Tests.Support;

namespace InstantOnRemediate.Reliability.Tests.BadInput;

/// <summary>
/// Every bad delivery of <see cref="BadInputs"/> through the composition root and the host's invocation runner:
/// a specific reason for each, and the good episode of a mixed batch still found.
/// </summary>
public sealed class DetectBadInputTests
{
    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Detect_NotASubscriptionEvent_FailsAsInvalidRequestSayingWhy(string name)
    {
        var bad = BadInputs.Named(name);
        using var detect = Invocation.Detect();

        var result = await detect.RunAsync(bad.Build());

        Assert.False(result.Succeeded);
        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.Contains(bad.Expected, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith("detect: ", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(result.Error.StackTrace);
    }

    [Theory]
    [MemberData(nameof(BatchRejections))]
    public async Task Detect_DamagedDelivery_AnsweredWithOneSpecificRejection(string name)
    {
        var bad = BadInputs.Named(name);
        using var detect = Invocation.Detect();

        var response = await detect.ResponseAsync(bad.Build());

        var rejected = Assert.Single(response.GetProperty("batch").GetProperty("rejected").EnumerateArray());
        Assert.Equal(bad.Expected, rejected.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rejected.GetProperty("detail").GetString()));
        Assert.Empty(response.GetProperty("findings").EnumerateArray());
        Assert.Empty(response.GetProperty("plan").GetProperty("actions").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(EventRejections))]
    public async Task Detect_BadEventInGoodBatch_RejectsItAloneAndStillFindsTheRestoreFailure(string name)
    {
        var bad = BadInputs.Named(name);
        using var detect = Invocation.Detect();

        var response = await detect.ResponseAsync(bad.Build());

        var rejected = response.GetProperty("batch").GetProperty("rejected").EnumerateArray().ToList();
        Assert.Contains(rejected, r => r.GetProperty("reason").GetString() == bad.Expected);
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("detail").GetString())));
        var finding = Assert.Single(response.GetProperty("findings").EnumerateArray());
        Assert.Equal("restore-failure", finding.GetProperty("verdict").GetString());
        Assert.Equal("orders-7d9f8b6c5-x2k4q", finding.GetProperty("pod").GetString());
    }

    [Fact]
    public void Catalog_EveryAnswerKind_HasCases()
    {
        Assert.True(BadInputs.All.Count >= 30);
        Assert.Equal(BadInputs.All.Count, BadInputs.All.Select(c => c.Name).Distinct().Count());
        Assert.All(Enum.GetValues<Answer>(), a => Assert.Contains(BadInputs.All, c => c.Answer == a));
    }

    [Fact]
    public async Task Detect_DeeplyNestedJsonInsideAMessage_TreatedAsPlainTextAndBatchKept()
    {
        var nested = "{\"log\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        using var detect = Invocation.Detect();

        var response = await detect.ResponseAsync(Batches.Envelope([.. BadInputs.Good, new LogEvent(Batches.EventId(77), Batches.Start + 10, nested)]));

        Assert.Empty(response.GetProperty("batch").GetProperty("rejected").EnumerateArray());
        Assert.Equal(4, response.GetProperty("batch").GetProperty("events").GetInt32());
        Assert.Single(response.GetProperty("findings").EnumerateArray());
    }

    public static TheoryData<string> InvalidRequests() => BadInputs.Names(Answer.InvalidRequest);

    public static TheoryData<string> BatchRejections() => BadInputs.Names(Answer.BatchRejected);

    public static TheoryData<string> EventRejections() => BadInputs.Names(Answer.EventRejected);
}
