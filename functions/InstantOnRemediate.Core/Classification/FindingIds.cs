using System.Security.Cryptography;
using System.Text;

namespace InstantOnRemediate.Core.Classification;

/// <summary>Deterministic finding ids: SHA-256 of log group, stream, pod, container and the episode's first event id.</summary>
public static class FindingIds
{
    public static string For(string? logGroup, string? logStream, string? pod, string? container, string? firstEventId)
    {
        var key = string.Join('\n', logGroup ?? "", logStream ?? "", pod ?? "", container ?? "", firstEventId ?? "");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "f-" + Convert.ToHexStringLower(hash[..16]);
    }
}
