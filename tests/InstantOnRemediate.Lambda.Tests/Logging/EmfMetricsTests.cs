using System.Text;
using System.Text.Json;
using InstantOnRemediate.Application.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InstantOnRemediate.Lambda.Tests.Logging;

public sealed class EmfMetricsTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 8, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void Emit_DimensionsAndMetrics_WritesEmbeddedMetricFormatRecord()
    {
        using var output = new MemoryStream();
        var metrics = new EmfMetrics(new LogSink(output), new FakeTimeProvider(Now));

        metrics.Emit(
            [new MetricDimension("Handler", "detect"), new MetricDimension("Cause", "rseq-ptrace-unsupported")],
            [new MetricDatum("RestoreFailures", 3), new MetricDatum("DecideLatency", 12.5, MetricUnits.Milliseconds)]);

        var root = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray())).RootElement;
        var aws = root.GetProperty("_aws");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("InstantOnRemediate", directive.GetProperty("Namespace").GetString());
        Assert.Equal(["Handler", "Cause"], directive.GetProperty("Dimensions")[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["RestoreFailures:Count", "DecideLatency:Milliseconds"],
            directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString() + ":" + m.GetProperty("Unit").GetString()));
        Assert.Equal("detect", root.GetProperty("Handler").GetString());
        Assert.Equal("rseq-ptrace-unsupported", root.GetProperty("Cause").GetString());
        Assert.Equal(3, root.GetProperty("RestoreFailures").GetDouble());
        Assert.Equal(12.5, root.GetProperty("DecideLatency").GetDouble());
    }

    [Fact]
    public void Count_OneMetric_WritesCountUnit()
    {
        using var output = new MemoryStream();
        new EmfMetrics(new LogSink(output), new FakeTimeProvider(Now)).Count("ActionsPlanned", 2, new MetricDimension("ActionType", "eks-label-nodegroup"));

        var root = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray())).RootElement;
        Assert.Equal(2, root.GetProperty("ActionsPlanned").GetDouble());
        Assert.Equal("Count", root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics")[0].GetProperty("Unit").GetString());
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("")]
    [InlineData(":leading-colon")]
    [InlineData("ünïcode")]
    public void Emit_UnsafeDimensionValue_IsRejectedAndNothingWritten(string value)
    {
        using var output = new MemoryStream();
        var metrics = new EmfMetrics(new LogSink(output), new FakeTimeProvider(Now));

        Assert.Throws<ArgumentException>(() => metrics.Count("RestoreFailures", 1, new MetricDimension("Cause", value)));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Emit_MetricNamedLikeDimension_IsRejected()
    {
        var metrics = new EmfMetrics(LogSink.Null, new FakeTimeProvider(Now));

        Assert.Throws<ArgumentException>(() => metrics.Count("Cause", 1, new MetricDimension("Cause", "seccomp")));
        Assert.Throws<ArgumentException>(() => metrics.Emit([], [new MetricDatum("Ratio", double.NaN)]));
        Assert.Throws<ArgumentException>(() => metrics.Emit([], [new MetricDatum("Ratio", 1, "Furlongs")]));
    }
}
