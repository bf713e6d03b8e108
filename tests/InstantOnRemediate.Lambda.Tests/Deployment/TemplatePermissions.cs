using System.Text.Json.Nodes;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// What template.yaml grants a function's role, split as the template splits it: <see cref="ServicePolicy"/> (the
/// inline policy that must equal the code's declarations) plus every managed policy attached to the role, and
/// <see cref="PlatformPolicy"/> (what the Lambda service does for the function).
/// </summary>
internal sealed record TemplatePermissions(string Function, string Role, IReadOnlyList<GrantedAction> Service, IReadOnlyList<GrantedAction> Platform, IReadOnlyList<string> Problems)
{
    public const string ServicePolicy = "service-actions";
    public const string PlatformPolicy = "lambda-platform";

    public static TemplatePermissions Of(JsonObject template, string handler)
    {
        var (function, properties) = DeploymentFiles.Function(template, handler);
        var problems = new List<string>();
        var service = new List<GrantedAction>();
        var platform = new List<GrantedAction>();
        var fp = properties["Properties"]!.AsObject();
        if (fp["Policies"] is not null)
        {
            problems.Add($"{function}: uses SAM Policies; grant through its own role instead");
        }

        var role = fp["Role"] is JsonObject { } roleRef && roleRef["Fn::GetAtt"] is JsonArray getAtt ? (string)getAtt[0]! : null;
        if (role is null || DeploymentFiles.Resources(template)[role] is not JsonObject roleResource || (string?)roleResource["Type"] != "AWS::IAM::Role")
        {
            problems.Add($"{function}: Role must be !GetAtt <an AWS::IAM::Role of the template>.Arn");
            return new(function, role ?? "", service, platform, problems);
        }

        var rp = roleResource["Properties"]!.AsObject();
        if (rp["ManagedPolicyArns"] is not null)
        {
            problems.Add($"{role}: ManagedPolicyArns grants actions nobody declared; use the template's own policies");
        }

        foreach (var policy in rp["Policies"]?.AsArray() ?? [])
        {
            var name = (string?)policy!["PolicyName"];
            var target = name switch
            {
                ServicePolicy => service,
                PlatformPolicy => platform,
                _ => null,
            };
            if (target is null)
            {
                problems.Add($"{role}: inline policy '{name}' is neither {ServicePolicy} nor {PlatformPolicy}");
                continue;
            }

            target.AddRange(Statements(template, $"{role}/{name}", policy["PolicyDocument"]!, problems));
        }

        foreach (var (id, resource) in DeploymentFiles.Resources(template))
        {
            var type = (string?)resource!["Type"];
            if (type is "AWS::IAM::ManagedPolicy" or "AWS::IAM::Policy" or "AWS::IAM::RolePolicy"
                && AttachedRoles(resource["Properties"]!).Contains(role))
            {
                service.AddRange(Statements(template, id, resource["Properties"]!["PolicyDocument"]!, problems));
            }
        }

        return new(function, role, service, platform, problems);
    }

    /// <summary>A statement, or the statements in both branches of a statement-level <c>Fn::If</c> (AWS::NoValue dropped).</summary>
    private static IEnumerable<JsonObject> Conditional(JsonNode? node) => node switch
    {
        JsonObject o when o["Fn::If"] is JsonArray branches => Conditional(branches[1]).Concat(Conditional(branches[2])),
        JsonObject o when (string?)o["Ref"] == "AWS::NoValue" => [],
        JsonObject o => [o],
        _ => [],
    };

    private static IEnumerable<string> AttachedRoles(JsonNode properties) =>
        Intrinsics.Expand(properties["Roles"]).Concat(Intrinsics.Expand(properties["RoleName"]))
            .Where(r => r.StartsWith("${", StringComparison.Ordinal)).Select(r => r[2..^1]);

    private static IEnumerable<GrantedAction> Statements(JsonObject template, string origin, JsonNode document, List<string> problems)
    {
        var statements = document["Statement"] switch
        {
            JsonArray many => many.SelectMany(Conditional),
            JsonObject one => Conditional(one),
            _ => [],
        };
        foreach (var statement in statements)
        {
            var where = $"{origin}/{(string?)statement["Sid"] ?? "(no Sid)"}";
            if ((string?)statement["Effect"] != "Allow" || statement["NotAction"] is not null || statement["NotResource"] is not null)
            {
                problems.Add($"{where}: only plain Allow statements with Action and Resource are expected");
                continue;
            }

            var resources = Intrinsics.Expand(statement["Resource"]).ToList();
            foreach (var action in Intrinsics.Expand(statement["Action"]))
            {
                foreach (var resource in resources)
                {
                    yield return new GrantedAction(action, resource, ResourceKinds.Of(resource, template), where);
                }
            }
        }
    }
}

/// <summary>One action on one resource, as a statement of the template grants it.</summary>
internal sealed record GrantedAction(string Action, string Resource, string Kind, string Origin)
{
    public (string Action, string Kind) Key => (Action, Kind);
}
