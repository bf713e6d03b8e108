namespace InstantOnRemediate.Aws.Http;

/// <summary>A fully read response: status, headers (response and content, case-insensitive) and body.</summary>
internal sealed record AwsHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? RequestId => Header("x-amzn-RequestId") ?? Header("x-amz-request-id");
}
