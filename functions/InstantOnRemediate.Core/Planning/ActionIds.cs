using System.Security.Cryptography;
using System.Text;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// Deterministic action ids: the same action on the same target for the same cause always gets the same id, so
/// it serves as the claim key (one execution) and as the seed of the EKS/SSM idempotency token.
/// </summary>
public static class ActionIds
{
    public static string For(string type, string? cluster, string? nodegroup, string? cause, string? discriminator = null)
    {
        var text = string.Join('\n', type, cluster ?? "", nodegroup ?? "", cause ?? "", discriminator ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    /// <summary>The action id as a UUID-shaped token (EKS clientRequestToken, SSM automation ClientToken pattern).</summary>
    public static string ToClientRequestToken(string actionId)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        var hex = actionId.Length >= 32 && IsHex(actionId.AsSpan(0, 32))
            ? actionId[..32]
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actionId)).AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    internal static string PlanId(DateTimeOffset now, IEnumerable<string> findingIds)
    {
        var text = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + string.Join('\n', findingIds.Order(StringComparer.Ordinal));
        return "plan-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    private static bool IsHex(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
