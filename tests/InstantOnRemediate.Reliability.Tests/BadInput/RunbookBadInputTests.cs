using System.Text;
using System.Text.Json;
using CsCheck;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Reliability.Tests.Support;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.BadInput;

/// <summary>
/// Bad runbook requests through the composition root and the host's invocation runner. The action name is validated
/// in this build; per-action field validation is being finished separately, and the tests for it are marked skipped
/// with what they expect.
/// </summary>
public sealed class RunbookBadInputTests : IDisposable
{
    private readonly string stateDirectory = Scratch.Directory("reliability-runbook-");

    private const string FieldValidationPending = "runbook request field validation (Handlers/RunbookHandler.cs) is not in this build yet: ";

    public static TheoryData<string, string> BadActions() => new()
    {
        { "{}", "the request has no 'action'" },
        { "{\"action\":null}", "(got a JSON null)" },
        { "{\"action\":[\"apply\"]}", "(got a JSON array)" },
        { "{\"action\":7}", "(got a JSON number)" },
        { "{\"action\":\"drain\",\"cluster\":\"prod-eks\"}", "(got 'drain')" },
        { "{\"action\":\"APPLY\"}", "(got 'APPLY')" },
        { "{\"action\":\"apply;reboot\"}", "(got 'apply;reboot')" },
        { "[\"apply\"]", "is a JSON array, not an object" },
        { "{\"action\":", "not valid JSON" },
        { "", "the event is empty" },
    };

    [Theory]
    [MemberData(nameof(BadActions))]
    public async Task Runbook_BadAction_FailsAsInvalidRequestSayingWhy(string request, string expected)
    {
        var result = await RunAsync(Encoding.UTF8.GetBytes(request));

        Assert.False(result.Succeeded);
        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.Contains(expected, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith("runbook: ", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runbook_OversizedAction_RejectedWithTheValueCutShort()
    {
        var result = await RunAsync(Encoding.UTF8.GetBytes("{\"action\":\"" + new string('a', 1_000_000) + "\"}"));

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.True(result.Error.ErrorMessage.Length < 400, $"error message is {result.Error.ErrorMessage.Length} characters");
    }

    [Fact]
    public async Task Runbook_ActionWithControlCharacters_RejectedAndNotEchoedRaw()
    {
        var result = await RunAsync(Encoding.UTF8.GetBytes("{\"action\":\"status\\n{\\\"level\\\":\\\"error\\\"}\"}"));

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.DoesNotContain('\n', result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Runbook_ActionOfInvalidUtf8_FailsAsInvalidRequest()
    {
        var result = await RunAsync([.. "{\"action\":\"st"u8, 0xC3, 0x28, .. "\"}"u8]);

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
    }

    [Fact]
    public async Task Runbook_DeeplyNestedRequest_FailsAsInvalidRequest()
    {
        var result = await RunAsync(Encoding.ASCII.GetBytes("{\"action\":\"status\",\"cluster\":" + new string('[', 10_000) + new string(']', 10_000) + "}"));

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.Contains("not valid JSON", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status.json")]
    [InlineData("diagnose.json")]
    [InlineData("plan.json")]
    [InlineData("pause.json")]
    public async Task Runbook_ShippedSample_Answered(string file)
    {
        var result = await RunAsync(File.ReadAllBytes(RepoPaths.Event("runbook", file)));

        Assert.True(result.Succeeded, result.Error?.ErrorMessage);
    }

    [Theory]
    [InlineData("{\"action\":\"apply\",\"approvedBy\":\"oncall@example.com\"}", "actionId")]
    [InlineData("{\"action\":\"rollback\",\"approvedBy\":\"oncall@example.com\"}", "actionId")]
    [InlineData("{\"action\":\"plan\",\"nodegroup\":\"ng-al2-x86\"}", "cluster")]
    public async Task Runbook_MissingRequiredField_FailsNamingTheField(string request, string field)
    {
        var result = await RunAsync(Encoding.UTF8.GetBytes(request));

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.Contains(field, result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"action\":\"status\",\"cluster\":\"prod-eks;reboot\"}", "cluster")]
    [InlineData("{\"action\":\"plan\",\"cluster\":\"prod-eks\",\"nodegroup\":\"$(id)\",\"cause\":\"rseq-ptrace-unsupported\"}", "nodegroup")]
    [InlineData("{\"action\":\"status\",\"cluster\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}", "cluster")]
    [InlineData("{\"action\":\"pause\",\"by\":\"oncall@example.com\",\"reason\":7}", "reason")]
    public async Task Runbook_InvalidFieldValue_FailsNamingTheField(string request, string field)
    {
        var result = await RunAsync(Encoding.UTF8.GetBytes(request));

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.Contains(field, result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runbook_UnknownField_FailsNamingIt()
    {
        var result = await RunAsync("{\"action\":\"status\",\"cluster\":\"prod-eks\",\"clustr\":\"x\"}"u8.ToArray());

        Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
        Assert.Contains("clustr", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runbook_GeneratedRequests_AnsweredOrInvalidRequestOnly()
    {
        var actions = Gen.OneOf(Support.Fuzz.Pick("diagnose", "plan", "apply", "status", "rollback", "pause", "resume").Select(JsonText.Quote),
            WellFormed(20).Select(JsonText.Quote), Support.Fuzz.Pick("1", "null", "[]", "{}", "true"));
        var fields = Gen.Select(Support.Fuzz.Pick("cluster", "nodegroup", "planId", "actionIds", "actionId", "reason", "approvedBy", "pod", "x"),
            Gen.OneOf(WellFormed(40).Select(JsonText.Quote), Support.Fuzz.Pick("1", "null", "[\"a\"]", "{}", "-0.5e9")))
            .Select((k, v) => "\"" + k + "\":" + v).Array[0, 5];
        var gen = Gen.Select(actions, fields, Gen.Bool).Select((a, f, withAction) => "{" + string.Join(",", withAction ? f.Prepend("\"action\":" + a) : f) + "}");

        var runs = await Support.Fuzz.ForEachAsync(gen, 21, 300, async request =>
        {
            var result = await RunAsync(Encoding.UTF8.GetBytes(request));

            if (!result.Succeeded)
            {
                Assert.Equal(RuntimeError.InvalidRequestType, result.Error!.ErrorType);
                Assert.StartsWith("runbook", result.Error.ErrorMessage, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(result.Response!).RootElement.ValueKind);
            }
        });
        Assert.True(runs > 0);
    }

    [Fact]
    public async Task Runbook_MutatedSamples_AnsweredOrInvalidRequestOnly()
    {
        var samples = Directory.GetFiles(RepoPaths.Event("runbook"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        // Invalid UTF-8 is left out here: see Runbook_ActionOfInvalidUtf8_FailsAsInvalidRequest (skipped, a known bug).
        var gen = Gen.Int[0, samples.Count - 1].SelectMany(i => Support.Fuzz.Mutations(samples[i].Length).Select(m => Support.Fuzz.Apply(samples[i], m)))
            .Where(bytes => System.Text.Unicode.Utf8.IsValid(bytes));

        var runs = await Support.Fuzz.ForEachAsync(gen, 22, 300, async request =>
        {
            var result = await RunAsync(request);

            Assert.True(result.Succeeded || result.Error!.ErrorType == RuntimeError.InvalidRequestType, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        });
        Assert.True(runs > 0);
    }

    /// <summary>Hostile text without lone surrogates (those are the known bug above).</summary>
    private static Gen<string> WellFormed(int maxLength) => Support.Fuzz.WellFormedText(maxLength);

    public void Dispose() => Directory.Delete(stateDirectory, recursive: true);

    private async Task<InvocationResult> RunAsync(byte[] request)
    {
        using var runbook = Invocation.Create("runbook", new FunctionOptions { Mode = "recommend", StateDirectory = stateDirectory }, new ServiceSettings());
        return await runbook.RunAsync(request);
    }
}
