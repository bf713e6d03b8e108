using System.Text.RegularExpressions;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// Grammar checks for every identifier that goes into an action. An identifier that fails one makes the action
/// <c>skipped</c> with a reason; nothing from a log line reaches an AWS call or a label without passing here.
/// </summary>
public static partial class IdentifierRules
{
    /// <summary>EKS cluster name: 1-100 chars, starts alphanumeric, then alphanumerics, '-' and '_'.</summary>
    public static bool IsClusterName(string? value) => value is { Length: >= 1 and <= 100 } && EksName().IsMatch(value);

    /// <summary>EKS node-group name: 1-63 chars, same alphabet as cluster names.</summary>
    public static bool IsNodegroupName(string? value) => value is { Length: >= 1 and <= 63 } && EksName().IsMatch(value);

    /// <summary>Kubernetes qualified name with optional DNS-subdomain prefix (label and taint keys).</summary>
    public static bool IsLabelKey(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? value : value[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = value[..slash];
            if (prefix.Length is 0 or > 253 || !DnsSubdomain().IsMatch(prefix))
            {
                return false;
            }
        }

        return name.Length is >= 1 and <= 63 && QualifiedName().IsMatch(name);
    }

    /// <summary>Kubernetes label value: empty, or <= 63 chars alphanumeric at both ends with '-', '_', '.' inside.</summary>
    public static bool IsLabelValue(string? value) => value is not null && (value.Length == 0 || (value.Length <= 63 && QualifiedName().IsMatch(value)));

    public static bool IsInstanceId(string? value) => value is not null && InstanceId().IsMatch(value);

    /// <summary>SSM document name (AWS pattern <c>^[a-zA-Z0-9_\-.:/]{3,128}$</c>).</summary>
    public static bool IsSsmDocumentName(string? value) => value is not null && SsmDocument().IsMatch(value);

    /// <summary>SSM parameter name: starts with '/', letters, digits and <c>_.-/</c>, <= 1011 chars.</summary>
    public static bool IsSsmParameterName(string? value) => value is { Length: >= 2 and <= 1011 } && SsmParameter().IsMatch(value);

    /// <summary>EKS amiType enum spelling (treated as open: upper-case words, digits and '_').</summary>
    public static bool IsAmiType(string? value) => value is not null && AmiType().IsMatch(value);

    /// <summary>EKS releaseVersion such as 1.31.2-20241121.</summary>
    public static bool IsReleaseVersion(string? value) => value is not null && ReleaseVersion().IsMatch(value);

    public static bool IsSubnetId(string? value) => value is not null && SubnetId().IsMatch(value);

    public static bool IsInstanceType(string? value) => value is not null && InstanceType().IsMatch(value);

    public static bool IsRoleArn(string? value) => value is not null && RoleArn().IsMatch(value);

    public static bool IsSnsTopicArn(string? value) => value is not null && TopicArn().IsMatch(value);

    /// <summary>SSM MaxConcurrency / MaxErrors: a number or a percentage.</summary>
    public static bool IsSsmRate(string? value) => value is not null && SsmRate().IsMatch(value);

    public static bool IsTaintEffect(string? value) => value is "NO_SCHEDULE" or "PREFER_NO_SCHEDULE" or "NO_EXECUTE";

    [GeneratedRegex("^[0-9A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EksName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^i-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();

    [GeneratedRegex("^[a-zA-Z0-9_.:/-]{3,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex SsmDocument();

    [GeneratedRegex("^/[a-zA-Z0-9_./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SsmParameter();

    [GeneratedRegex("^[A-Z][A-Za-z0-9_]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex AmiType();

    [GeneratedRegex("^[0-9][0-9A-Za-z.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseVersion();

    [GeneratedRegex("^subnet-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubnetId();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceType();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicArn();

    [GeneratedRegex("^([1-9][0-9]{0,5}|[1-9][0-9]?%|100%|0)$", RegexOptions.CultureInvariant)]
    private static partial Regex SsmRate();
}
