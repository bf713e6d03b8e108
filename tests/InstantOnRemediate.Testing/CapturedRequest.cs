using System.Text;

namespace InstantOnRemediate.Testing;

/// <summary>One HTTP request as it was sent: method, raw (still encoded) path and query, headers, body.</summary>
public sealed record CapturedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
