using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// CloudFormation values as text, enough to recognise what an IAM resource names: <c>Ref X</c> → <c>${X}</c>,
/// <c>GetAtt A.B</c> → <c>${A.B}</c>, <c>Sub</c> with its variables substituted, list positions as <c>[i]</c>.
/// <see cref="Expand"/> flattens a list whose items may be <c>Fn::If</c> (both branches) or <c>AWS::NoValue</c>.
/// </summary>
internal static partial class Intrinsics
{
    public static IEnumerable<string> Expand(JsonNode? node)
    {
        switch (node)
        {
            case null:
                yield break;
            case JsonArray items:
                foreach (var item in items)
                {
                    foreach (var text in Expand(item))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonObject o when o["Fn::If"] is JsonArray branches:
                foreach (var text in Expand(branches[1]).Concat(Expand(branches[2])))
                {
                    yield return text;
                }

                break;
            case JsonObject o when (string?)o["Ref"] == "AWS::NoValue":
                yield break;
            default:
                yield return Render(node);
                break;
        }
    }

    public static string Render(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value => Convert.ToString(value.GetValue<object>(), CultureInfo.InvariantCulture) ?? "",
        JsonArray array => string.Join(",", array.Select(Render)),
        JsonObject o when o["Ref"] is { } name => "${" + (string?)name + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => "${" + string.Join(".", a.Select(Render)) + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonValue v => "${" + (string?)v + "}",
        JsonObject o when o["Fn::Sub"] is JsonValue s => (string)s!,
        JsonObject o when o["Fn::Sub"] is JsonArray s => Substitute((string)s[0]!, s[1]!.AsObject()),
        JsonObject o when o["Fn::Select"] is JsonArray s => Render(s[1]) + "[" + Render(s[0]) + "]",
        JsonObject o when o["Fn::Split"] is JsonArray s => Render(s[1]),
        JsonObject o when o["Fn::Join"] is JsonArray s => string.Join((string)s[0]!, s[1] is JsonArray parts ? parts.Select(Render) : [Render(s[1])]),
        JsonObject o when o["Fn::If"] is JsonArray s => Render(s[1]) + "|" + Render(s[2]),
        JsonObject o => "${" + string.Join(",", o.Select(p => p.Key)) + "}",
        _ => node.ToJsonString(),
    };

    /// <summary>The <c>${name}</c> references of a Sub string, without literal <c>${!...}</c>.</summary>
    public static IEnumerable<string> SubReferences(string text) =>
        SubVariable().Matches(text).Select(m => m.Groups[1].Value).Where(v => !v.StartsWith('!'));

    private static string Substitute(string text, JsonObject variables) =>
        SubVariable().Replace(text, m => variables[m.Groups[1].Value] is { } value ? Render(value) : m.Value);

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubVariable();
}
