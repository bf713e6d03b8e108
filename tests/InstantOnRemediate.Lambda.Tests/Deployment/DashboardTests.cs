using System.Text.Json;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

public sealed partial class DashboardTests
{
    private static readonly string[] ServiceMetrics = ["RestoreFailures", "ActionsTaken", "IncompatibleNodegroups", "CompatibleNodegroups"];

    [Fact]
    public void Dashboard_Body_IsJsonWithTheServiceAndFunctionMetrics()
    {
        var body = (string)DeploymentFiles.Resources(DeploymentFiles.Template)["Dashboard"]!["Properties"]!["DashboardBody"]!["Fn::Sub"]!;

        using var dashboard = JsonDocument.Parse(SubVariable().Replace(body, "value"));
        var text = dashboard.RootElement.GetRawText();

        Assert.True(dashboard.RootElement.GetProperty("widgets").GetArrayLength() >= 8);
        Assert.All(ServiceMetrics, metric => Assert.Contains($"MetricName=\\\"{metric}\\\"", text, StringComparison.Ordinal));
        Assert.All(["Errors", "Duration", "Throttles", "ApproximateNumberOfMessagesVisible"], metric => Assert.Contains($"\"{metric}\"", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_SearchDimensions_AreTheMetricsDimensions()
    {
        var body = (string)DeploymentFiles.Resources(DeploymentFiles.Template)["Dashboard"]!["Properties"]!["DashboardBody"]!["Fn::Sub"]!;

        var searches = Search().Matches(body).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

        Assert.Equal("Cause,Cluster", searches["RestoreFailures"]);
        Assert.Equal("Status,Type", searches["ActionsTaken"]);
        Assert.Equal("Cluster", searches["IncompatibleNodegroups"]);
        Assert.Equal("Cluster", searches["CompatibleNodegroups"]);
    }

    [Fact]
    public void Alarms_ServiceMetricQueries_UseTheEmfNamespaceAndDimensions()
    {
        var resources = DeploymentFiles.Resources(DeploymentFiles.Template);

        string Query(string alarm) => (string)resources[alarm]!["Properties"]!["Metrics"]![0]!["Expression"]!;

        Assert.Equal("SELECT SUM(RestoreFailures) FROM SCHEMA(\"InstantOnRemediate\", Cause, Cluster)", Query("RestoreFailuresAlarm"));
        Assert.StartsWith("SELECT SUM(ActionsTaken) FROM SCHEMA(\"InstantOnRemediate\", Status, Type)", Query("FailedActionsAlarm"), StringComparison.Ordinal);
        Assert.All(
            resources.Where(r => (string?)r.Value!["Type"] == "AWS::CloudWatch::Alarm"),
            alarm => Assert.Equal("${AlarmTopic}", Intrinsics.Render(alarm.Value!["Properties"]!["AlarmActions"]![0])));
    }

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex SubVariable();

    [GeneratedRegex(@"SEARCH\('\{InstantOnRemediate,([A-Za-z,]+)\} MetricName=\\""([A-Za-z]+)\\""")]
    private static partial Regex Search();
}
