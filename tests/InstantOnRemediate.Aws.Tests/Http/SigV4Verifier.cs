using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Http;

/// <summary>
/// An independent SigV4 check written from the AWS specification (not the SDK): rebuilds the canonical request from
/// what arrived on the wire and recomputes the signature with HMAC-SHA256.
/// </summary>
internal static class SigV4Verifier
{
    public sealed record Verdict(bool Valid, string Expected, string Actual, string SignedHeaders, string Scope, string CanonicalRequest);

    public static Verdict Verify(CapturedRequest request, string secretKey)
    {
        var authorization = request.Header("Authorization") ?? throw new InvalidOperationException("no Authorization header");
        Assert.StartsWith("AWS4-HMAC-SHA256 ", authorization, StringComparison.Ordinal);
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var credential = parts["Credential"].Split('/');
        var (date, region, service) = (credential[1], credential[2], credential[3]);
        Assert.Equal("aws4_request", credential[4]);
        var signedHeaders = parts["SignedHeaders"];
        var amzDate = request.Header("X-Amz-Date") ?? throw new InvalidOperationException("no X-Amz-Date");
        Assert.StartsWith(date, amzDate, StringComparison.Ordinal);

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = request.Header(name) ?? throw new InvalidOperationException($"signed header {name} was not sent");
            canonicalHeaders.Append(name).Append(':').Append(string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        var payloadHash = Hex(SHA256.HashData(request.Body));
        var canonicalRequest = string.Join('\n',
            request.Method,
            CanonicalPath(request.Path),
            CanonicalQuery(request.Query),
            canonicalHeaders.ToString(),
            signedHeaders,
            payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return new Verdict(expected == parts["Signature"], expected, parts["Signature"], signedHeaders, scope, canonicalRequest);
    }

    // Non-S3 services: every path segment is URI-encoded again (botocore quote(path, safe='/~')).
    private static string CanonicalPath(string rawPath) =>
        string.IsNullOrEmpty(rawPath) ? "/" : string.Join('/', rawPath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return "";
        }

        return string.Join('&', rawQuery.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
