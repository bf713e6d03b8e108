using System.Text.Json.Nodes;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// Every name the template refers to exists: Ref (parameter, resource, pseudo parameter), GetAtt and Sub (resource),
/// Sub variables, conditions (resource Condition, Fn::If, Condition in conditions), FindInMap keys, DependsOn, and
/// the parameters of the console's parameter groups.
/// </summary>
internal static class TemplateReferences
{
    private static readonly HashSet<string> PseudoParameters =
    [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ];

    public static IReadOnlyList<string> Problems(JsonObject template)
    {
        var parameters = Keys(template["Parameters"]);
        var resources = Keys(template["Resources"]);
        var conditions = Keys(template["Conditions"]);
        var problems = new List<string>();

        void Walk(JsonNode? node, string path, HashSet<string> locals)
        {
            switch (node)
            {
                case JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        Walk(items[i], $"{path}[{i}]", locals);
                    }

                    return;
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        Check(key, value, path, locals);
                        if (key == "Fn::Sub" && value is JsonArray { Count: 2 } sub && sub[1] is JsonObject variables)
                        {
                            Walk(variables, $"{path}/Fn::Sub", locals);
                        }
                        else if (key != "Fn::Sub")
                        {
                            Walk(value, $"{path}/{key}", locals);
                        }
                    }

                    return;
            }
        }

        void Check(string key, JsonNode? value, string path, HashSet<string> locals)
        {
            switch (key)
            {
                case "Ref" when value is JsonValue:
                    var name = (string)value!;
                    if (!parameters.Contains(name) && !resources.Contains(name) && !PseudoParameters.Contains(name))
                    {
                        problems.Add($"{path}: Ref {name} is not a parameter, resource or pseudo parameter");
                    }

                    break;
                case "Fn::GetAtt":
                    var target = value is JsonArray a ? (string)a[0]! : ((string)value!).Split('.')[0];
                    if (!resources.Contains(target))
                    {
                        problems.Add($"{path}: GetAtt {target} is not a resource");
                    }

                    break;
                case "Fn::Sub":
                    var (text, subVariables) = value is JsonArray s ? ((string)s[0]!, Keys(s[1])) : ((string)value!, []);
                    foreach (var reference in Intrinsics.SubReferences(text))
                    {
                        var head = reference.Split('.')[0];
                        var known = reference.Contains('.', StringComparison.Ordinal)
                            ? resources.Contains(head)
                            : subVariables.Contains(reference) || parameters.Contains(reference) || resources.Contains(reference) || PseudoParameters.Contains(reference);
                        if (!known)
                        {
                            problems.Add($"{path}: Sub ${{{reference}}} is not a variable, parameter, resource or pseudo parameter");
                        }
                    }

                    break;
                case "Fn::If" when value is JsonArray branches:
                    CheckCondition((string?)branches[0], path);
                    break;
                case "Condition" when value is JsonValue condition:
                    CheckCondition((string?)condition, path);
                    break;
                case "Fn::FindInMap" when value is JsonArray keys:
                    var map = template["Mappings"]?[(string)keys[0]!]?[(string)keys[1]!]?[(string)keys[2]!];
                    if (map is null)
                    {
                        problems.Add($"{path}: FindInMap {string.Join("/", keys.Select(k => (string?)k))} does not exist");
                    }

                    break;
                case "DependsOn":
                    foreach (var dependency in Intrinsics.Expand(value))
                    {
                        if (!resources.Contains(dependency))
                        {
                            problems.Add($"{path}: DependsOn {dependency} is not a resource");
                        }
                    }

                    break;
            }
        }

        void CheckCondition(string? condition, string path)
        {
            if (condition is null || !conditions.Contains(condition))
            {
                problems.Add($"{path}: condition {condition} is not defined");
            }
        }

        foreach (var section in new[] { "Conditions", "Globals", "Resources", "Outputs" })
        {
            Walk(template[section], section, []);
        }

        var grouped = template["Metadata"]?["AWS::CloudFormation::Interface"]?["ParameterGroups"]?.AsArray()
            .SelectMany(g => g!["Parameters"]!.AsArray().Select(p => (string)p!)).ToList() ?? [];
        problems.AddRange(grouped.Where(p => !parameters.Contains(p)).Select(p => $"Metadata: parameter group lists {p}, which is not a parameter"));
        problems.AddRange(parameters.Where(p => !grouped.Contains(p)).Select(p => $"Metadata: parameter {p} is in no parameter group"));
        return problems;
    }

    private static HashSet<string> Keys(JsonNode? node) => node is JsonObject o ? [.. o.Select(p => p.Key)] : [];
}
