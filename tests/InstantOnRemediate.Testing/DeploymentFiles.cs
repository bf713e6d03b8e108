using System.Text.Json.Nodes;

namespace InstantOnRemediate.Testing;

/// <summary>
/// template.yaml and infra/samconfig.toml as JSON, read once per test run by scripts/template-json.py (cfn-lint's
/// own YAML decoder for the CloudFormation short tags; Python's tomllib for TOML). Callers that change the tree
/// take a <see cref="JsonNode.DeepClone"/>.
/// </summary>
public static class DeploymentFiles
{
    private static readonly Lazy<JsonObject> TemplateNode = new(() => Load("template", TemplatePath));
    private static readonly Lazy<JsonObject> SamConfigNode = new(() => Load("samconfig", SamConfigPath));

    public static string TemplatePath => Path.Combine(RepoPaths.Root, "template.yaml");

    public static string SamConfigPath => Path.Combine(RepoPaths.Root, "infra", "samconfig.toml");

    public static string FilterPatternPath => Path.Combine(RepoPaths.Root, "infra", "subscription-filter-pattern.txt");

    public static JsonObject Template => TemplateNode.Value;

    public static JsonObject SamConfig => SamConfigNode.Value;

    public static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    /// <summary>The function resource whose Handler is <paramref name="handler"/>.</summary>
    public static KeyValuePair<string, JsonObject> Function(JsonObject template, string handler) =>
        Resources(template)
            .Where(r => (string?)r.Value!["Type"] == "AWS::Serverless::Function" && (string?)r.Value["Properties"]?["Handler"] == handler)
            .Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()))
            .Single();

    private static JsonObject Load(string kind, string path) => RepoScript.Json("template-json.py", kind, path);
}
