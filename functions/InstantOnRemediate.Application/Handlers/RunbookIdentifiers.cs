using System.Text.RegularExpressions;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>
/// Grammars of the identifiers a runbook request carries that <see cref="Core.Planning.IdentifierRules"/> does not
/// cover: Kubernetes names (DNS-1123), the service's own plan and action ids, and the name of a person.
/// </summary>
internal static partial class RunbookIdentifiers
{
    /// <summary>Longest string member a request may carry.</summary>
    public const int MaxLength = 256;

    /// <summary>Kubernetes DNS-1123 subdomain (pod and node names): lower-case alphanumerics, '-' and '.', ≤ 253.</summary>
    public static bool IsDnsSubdomain(string? value) => value is { Length: >= 1 and <= 253 } && DnsSubdomain().IsMatch(value);

    /// <summary>Kubernetes DNS-1123 label (namespaces): lower-case alphanumerics and '-', ≤ 63.</summary>
    public static bool IsDnsLabel(string? value) => value is { Length: >= 1 and <= 63 } && DnsLabel().IsMatch(value);

    /// <summary>A plan id as Decide makes it: <c>plan-</c> and 16 lower-case hex digits.</summary>
    public static bool IsPlanId(string? value) => value is not null && PlanId().IsMatch(value);

    /// <summary>An action id as Decide makes it: 32 lower-case hex digits.</summary>
    public static bool IsActionId(string? value) => value is not null && ActionId().IsMatch(value);

    /// <summary>Who approves or pauses: an e-mail address, IAM user/role name or ARN (≤ 128 chars, no spaces).</summary>
    public static bool IsPerson(string? value) => value is { Length: >= 1 and <= 128 } && Person().IsMatch(value);

    /// <summary>A reason in words: printable text, no control characters (it goes into the audit trail verbatim).</summary>
    public static bool IsReason(string? value) => value is { Length: >= 3 and <= MaxLength } && !value.Any(char.IsControl) && value.Trim().Length >= 3;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^plan-[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanId();

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._%+@=,:/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Person();
}
