using System.Text;
using System.Text.RegularExpressions;

namespace InstantOnRemediate.Testing;

/// <summary>
/// One request that reached a <see cref="FaultProxy"/>: as received, which AWS service and operation it was, what the
/// proxy did with it (forwarded or the fault it injected) and the status the client got back.
/// </summary>
public sealed partial record ProxiedRequest(CapturedRequest Request, string Service, string Operation, bool Forwarded, string? Fault, int Status)
{
    /// <summary>Everything a request carries that an attacker-controlled value could end up in: path, query, headers, body.</summary>
    public string AllText => Uri.UnescapeDataString(Request.Path) + "?" + Uri.UnescapeDataString(Request.Query.Replace('+', ' ')) + "\n" +
        string.Join("\n", Request.Headers.Select(h => h.Key + ": " + h.Value)) + "\n" + DecodedBody;

    /// <summary>The body with form encoding undone (query-protocol services send <c>a=b&amp;c=d</c>).</summary>
    public string DecodedBody
    {
        get
        {
            var text = Encoding.UTF8.GetString(Request.Body);
            return Request.Header("Content-Type")?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
                ? Uri.UnescapeDataString(text.Replace('+', ' '))
                : text;
        }
    }

    /// <summary>The AWS service from the SigV4 credential scope (<c>Credential=AKID/date/region/service/aws4_request</c>).</summary>
    public static string ServiceOf(CapturedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = CredentialScope().Match(request.Header("Authorization") ?? "");
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    /// <summary>The operation: X-Amz-Target's suffix (JSON protocols), Action= (query protocols) or, for EKS's REST API, a name from method and path.</summary>
    public static string OperationOf(CapturedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header("X-Amz-Target") is { } target)
        {
            return target[(target.LastIndexOf('.') + 1)..];
        }

        var form = request.Method == "POST" ? Encoding.UTF8.GetString(request.Body) : request.Query;
        var action = ActionParameter().Match(form);
        if (action.Success)
        {
            return action.Groups[1].Value;
        }

        var path = request.Path;
        return (request.Method, path) switch
        {
            ("POST", _) when path.EndsWith("/update-config", StringComparison.Ordinal) => "UpdateNodegroupConfig",
            ("POST", _) when path.EndsWith("/update-version", StringComparison.Ordinal) => "UpdateNodegroupVersion",
            ("POST", _) when path.EndsWith("/node-groups", StringComparison.Ordinal) => "CreateNodegroup",
            ("GET", _) when path.EndsWith("/node-groups", StringComparison.Ordinal) => "ListNodegroups",
            ("GET", _) when path.Contains("/node-groups/", StringComparison.Ordinal) => "DescribeNodegroup",
            ("GET", _) when path.StartsWith("/clusters/", StringComparison.Ordinal) => "DescribeCluster",
            _ => request.Method + " " + path,
        };
    }

    /// <summary>Whether the operation changes something (names starting with a mutating verb, SNS Publish included).</summary>
    public bool IsMutation => MutatingVerb().IsMatch(Operation);

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialScope();

    [GeneratedRegex(@"(?:^|&)Action=([A-Za-z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ActionParameter();

    [GeneratedRegex(@"^(Update|Create|Put|Delete|Publish|Send|Start|Add|Remove|Tag|Untag|Batch|Transact)", RegexOptions.CultureInvariant)]
    private static partial Regex MutatingVerb();
}
