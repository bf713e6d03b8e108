namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>Compares what a function's code declares with what its role grants: the rules of least privilege here.</summary>
internal static class PermissionAudit
{
    public static IReadOnlyList<string> Compare(string function, IReadOnlyList<IamGrant> declared, IReadOnlyList<GrantedAction> granted)
    {
        var problems = new List<string>();
        var declaredKeys = declared.Select(d => d.Key).ToHashSet();
        var grantedKeys = granted.Select(g => g.Key).ToHashSet();

        foreach (var missing in declared.Where(d => !grantedKeys.Contains(d.Key)).DistinctBy(d => d.Key))
        {
            problems.Add($"{function}: {missing} is declared by {missing.Origin} but template.yaml does not grant it");
        }

        foreach (var grant in granted)
        {
            if (grant.Action.Contains('*', StringComparison.Ordinal) || grant.Action.Contains('?', StringComparison.Ordinal))
            {
                problems.Add($"{function}: {grant.Origin} grants the wildcard action {grant.Action}");
            }
            else if (grant.Kind == "*" && !declaredKeys.Contains((grant.Action, "*")))
            {
                var scopes = declared.Where(d => d.Action == grant.Action).Select(d => d.Kind).Distinct().ToList();
                problems.Add(scopes.Count > 0
                    ? $"{function}: {grant.Origin} grants {grant.Action} on Resource \"*\" but its declaration scopes it to {string.Join(", ", scopes)}"
                    : $"{function}: {grant.Origin} grants {grant.Action} on Resource \"*\", which no declared type needs");
            }
            else if (grant.Kind == "unrecognised")
            {
                problems.Add($"{function}: {grant.Origin} grants {grant.Action} on {grant.Resource}, a resource ResourceKinds does not recognise");
            }
            else if (!declaredKeys.Contains(grant.Key))
            {
                problems.Add($"{function}: {grant.Origin} grants {grant.Action} on {grant.Resource} ({grant.Kind}), which no declared type needs");
            }
        }

        return problems;
    }
}
