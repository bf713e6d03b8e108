using System.Text;
using System.Text.Json;
using InstantOnRemediate.Application.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Lambda.Tests.Logging;

public sealed class JsonLoggerTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 8, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void Log_WithFields_WritesOneJsonObjectPerLineWithStandardAndExtraFields()
    {
        using var output = new MemoryStream();
        var log = new JsonLogger(new LogSink(output), new FakeTimeProvider(Now), LogLevel.Info, "detect");

        log.Info("batch decoded", new LogField("events", 12), new LogField("logGroup", "/aws/containerinsights/prod-eks/application"),
            new LogField("causes", new[] { "rseq-ptrace-unsupported" }), new LogField("compatible", false), new LogField("kernel", null));
        log.Warn("second line");

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("2025-05-08T10:15:30.123Z", first.GetProperty("timestamp").GetString());
        Assert.Equal("info", first.GetProperty("level").GetString());
        Assert.Equal("batch decoded", first.GetProperty("message").GetString());
        Assert.Equal("detect", first.GetProperty("handler").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("requestId").ValueKind);
        Assert.Equal(12, first.GetProperty("events").GetInt32());
        Assert.Equal("rseq-ptrace-unsupported", first.GetProperty("causes")[0].GetString());
        Assert.False(first.GetProperty("compatible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("kernel").ValueKind);
        Assert.Equal("warn", JsonDocument.Parse(lines[1]).RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        using var output = new MemoryStream();
        var log = new JsonLogger(new LogSink(output), new FakeTimeProvider(Now), LogLevel.Warn);

        log.Info("ignored");
        log.Debug("ignored");

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task BeginInvocation_SetsRequestIdForTheAsyncFlowAndRestoresIt()
    {
        using var output = new MemoryStream();
        var log = new JsonLogger(new LogSink(output), new FakeTimeProvider(Now));

        using (JsonLogger.BeginInvocation("req-1"))
        {
            await Task.Yield();
            log.Info("inside");
        }

        log.Info("outside");

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("req-1", JsonDocument.Parse(lines[0]).RootElement.GetProperty("requestId").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(lines[1]).RootElement.GetProperty("requestId").ValueKind);
    }

    [Fact]
    public void Log_FieldNamedLikeStandardField_IsRenamedSoKeysStayUnique()
    {
        using var output = new MemoryStream();
        var log = new JsonLogger(new LogSink(output), new FakeTimeProvider(Now));

        log.Info("m", new LogField("message", "from a log line\nwith a newline"));

        var line = Encoding.UTF8.GetString(output.ToArray());
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var root = JsonDocument.Parse(line).RootElement;
        Assert.Equal("m", root.GetProperty("message").GetString());
        Assert.Equal("from a log line\nwith a newline", root.GetProperty("field_message").GetString());
    }

    [Theory]
    [InlineData("debug", "debug")]
    [InlineData("WARN", "warn")]
    [InlineData("warning", "warn")]
    [InlineData(null, "info")]
    [InlineData("error", "error")]
    public void TryParse_KnownNames_GiveLevel(string? text, string expected)
    {
        Assert.True(LogLevels.TryParse(text, out var level));
        Assert.Equal(expected, LogLevels.Name(level));
    }

    [Fact]
    public void TryParse_UnknownName_Fails() => Assert.False(LogLevels.TryParse("verbose", out _));
}
