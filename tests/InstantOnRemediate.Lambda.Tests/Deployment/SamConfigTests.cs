using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>infra/samconfig.toml: every environment deploys the template with valid parameters.</summary>
public sealed class SamConfigTests
{
    public static TheoryData<string> Environments => ["prod-eu", "staging-us"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void SamConfig_Environment_GivesValidValuesForTemplateParameters(string environment)
    {
        var deploy = DeploymentFiles.SamConfig[environment]!["deploy"]!;
        var overrides = deploy["parameter_overrides"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        var parameters = DeploymentFiles.Template["Parameters"]!.AsObject();

        var problems = new List<string>();
        problems.AddRange(overrides.Keys.Where(k => !parameters.ContainsKey(k)).Select(k => $"{k} is not a template parameter"));
        problems.AddRange(parameters.Where(p => p.Value!["Default"] is null && !overrides.ContainsKey(p.Key)).Select(p => $"required parameter {p.Key} is missing"));
        foreach (var (name, value) in overrides.Where(o => parameters.ContainsKey(o.Key)))
        {
            problems.AddRange(Check(name, value, parameters[name]!.AsObject()));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("CAPABILITY_IAM", (string)deploy["capabilities"]!, StringComparison.Ordinal);
        Assert.StartsWith("instanton-remediate-", (string)deploy["stack_name"]!, StringComparison.Ordinal);
        Assert.Matches("^[a-z]{2}-[a-z]+-[0-9]$", (string)deploy["region"]!);
    }

    [Fact]
    public void SamConfig_PolicyParameter_IsUnderTheStacksOwnPrefix()
    {
        var deploy = DeploymentFiles.SamConfig["prod-eu"]!["deploy"]!;

        var policy = (string)deploy["parameter_overrides"]!["Policy"]!;

        Assert.Equal($"/instanton-remediate/{(string)deploy["stack_name"]!}/policy", policy);
    }

    private static IEnumerable<string> Check(string name, string value, JsonObject parameter)
    {
        if ((string?)parameter["AllowedPattern"] is { } pattern && (string?)parameter["Type"] == "String" && !Regex.IsMatch(value, pattern))
        {
            yield return $"{name}={value} does not match {pattern}";
        }

        if (parameter["AllowedValues"] is JsonArray allowed && !allowed.Any(a => a!.ToString() == value))
        {
            yield return $"{name}={value} is not one of {allowed.ToJsonString()}";
        }

        if ((string?)parameter["Type"] == "Number" && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            yield return $"{name}={value} is not a number";
        }
    }
}
