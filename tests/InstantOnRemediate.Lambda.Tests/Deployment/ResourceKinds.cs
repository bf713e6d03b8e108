using System.Text.Json.Nodes;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// Recognises which kind of resource (the vocabulary of <c>[IamAction(Resource = ...)]</c>) an IAM resource of
/// template.yaml names, from its ARN shape or from the type of the stack resource it references. A new kind used by
/// code gets its line here.
/// </summary>
internal static class ResourceKinds
{
    private static readonly (string Kind, Func<string, bool> Matches)[] ArnShapes =
    [
        ("*", arn => arn == "*"),
        ("cluster", arn => arn.Contains(":eks:", StringComparison.Ordinal) && arn.Contains(":cluster/", StringComparison.Ordinal)),
        ("nodegroup", arn => arn.Contains(":eks:", StringComparison.Ordinal) && arn.Contains(":nodegroup/", StringComparison.Ordinal)),
        ("document", arn => arn.Contains(":ssm:", StringComparison.Ordinal) && arn.Contains(":document/", StringComparison.Ordinal)),
        ("automation-definition", arn => arn.Contains(":ssm:", StringComparison.Ordinal) && arn.Contains(":automation-definition/", StringComparison.Ordinal)),
        ("parameter", arn => arn.Contains(":ssm:", StringComparison.Ordinal) && arn.Contains(":parameter/", StringComparison.Ordinal)),
        ("instance", arn => arn.Contains(":ec2:", StringComparison.Ordinal) && arn.Contains(":instance/", StringComparison.Ordinal)),
        ("log-group", arn => arn.Contains(":logs:", StringComparison.Ordinal) && arn.Contains(":log-group:", StringComparison.Ordinal)),
        ("node-role", arn => arn.StartsWith("${NodeRoleArns", StringComparison.Ordinal)),
        // The EventBus parameter is a bus name (the template builds the ARN) or already a bus ARN.
        ("event-bus", arn => arn == "${EventBus}" || (arn.Contains(":events:", StringComparison.Ordinal) && arn.Contains(":event-bus/", StringComparison.Ordinal))),
    ];

    private static readonly Dictionary<string, string> StackResourceKinds = new(StringComparer.Ordinal)
    {
        ["AWS::SNS::Topic"] = "topic",
        ["AWS::DynamoDB::Table"] = "table",
        ["AWS::SQS::Queue"] = "queue",
        ["AWS::Logs::LogGroup"] = "log-group",
        ["AWS::SSM::Parameter"] = "parameter",
    };

    /// <summary>The kind of the rendered resource <paramref name="resource"/>, or <c>unrecognised</c>.</summary>
    public static string Of(string resource, JsonObject template)
    {
        foreach (var (kind, matches) in ArnShapes)
        {
            if (matches(resource))
            {
                return kind;
            }
        }

        // "${Name}" or "${Name.Arn}": a stack resource.
        if (resource.StartsWith("${", StringComparison.Ordinal) && resource.EndsWith('}') && resource.IndexOf('}', StringComparison.Ordinal) == resource.Length - 1)
        {
            var name = resource[2..^1].Split('.')[0];
            var type = (string?)DeploymentFiles.Resources(template)[name]?["Type"];
            if (type is not null && StackResourceKinds.TryGetValue(type, out var kind))
            {
                return kind;
            }
        }

        return "unrecognised";
    }
}
