namespace InstantOnRemediate.Core.Ingest;

/// <summary>The EKS cluster a Container Insights log group belongs to: <c>/aws/containerinsights/&lt;cluster&gt;/application</c>.</summary>
public static class LogGroupName
{
    private const string Prefix = "/aws/containerinsights/";

    public static string? ClusterOf(string? logGroup)
    {
        if (logGroup is null || !logGroup.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = logGroup.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        var cluster = slash < 0 ? rest : rest[..slash];

        // EKS cluster names: 1-100 characters, letters, digits, hyphens and underscores, starting alphanumeric.
        if (cluster.Length is 0 or > 100 || !char.IsAsciiLetterOrDigit(cluster[0]))
        {
            return null;
        }

        foreach (var c in cluster)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return null;
            }
        }

        return cluster.ToString();
    }
}
