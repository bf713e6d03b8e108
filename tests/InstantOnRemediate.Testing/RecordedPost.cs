using System.Text;
using System.Text.Json;

namespace InstantOnRemediate.Testing;

/// <summary>A POST the runtime under test made to <see cref="FakeRuntimeApi"/>: response, error or init error.</summary>
public sealed record RecordedPost(
    string Kind,
    string? RequestId,
    int Status,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public const string Response = "response";
    public const string Error = "error";
    public const string InitError = "init-error";

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Kind} {RequestId} -> {Status} ({Body.Length} bytes)";
}
